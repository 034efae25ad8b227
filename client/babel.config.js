// babel-preset-taro compiles TypeScript + React for both platforms. This file is project-wide babel config,
// so it also applies to ../domain/src, which the Taro config adds to the script rule's include list.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5', useBuiltIns: false }]],
};
