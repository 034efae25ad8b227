// The NutUI components the app uses, each with its own stylesheet (per-component CSS keeps the weapp package
// small; production builds tree-shake the rest of the library). Import NutUI through this file only.
import '@nutui/nutui-react-taro/dist/es/packages/configprovider/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/cellgroup/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/tag/style/css';

export { ConfigProvider, Button, Cell, CellGroup, Tag } from '@nutui/nutui-react-taro';
