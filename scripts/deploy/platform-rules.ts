import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/**
 * WeChat platform rules that can be read off the source code (platform-notes §§ 3, 8): no paid voting, nothing
 * granted for sharing, subscribe-message requests only inside a tap. Each check takes source text and answers
 * the violations, so tests run it on the real sources and on small broken examples alike.
 */
export interface SourceFile { path: string; text: string }
export interface Violation { path: string; line: number; rule: string }

export function sourceFiles(root: string, dirs: string[]): SourceFile[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      if (e.name === 'node_modules' || e.name === 'test-support') return [];
      const path = join(dir, e.name);
      if (e.isDirectory()) return walk(path);
      return /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && !/\.bench\.ts$/.test(e.name) ? [path] : [];
    });
  return dirs.flatMap((d) => walk(join(root, d))).map((path) => ({ path: relative(root, path), text: readFileSync(path, 'utf8') }));
}

const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;

/** Payment APIs: voting must never involve money (paid votes are refused at review). */
const PAYMENT = /\b(requestPayment|requestVirtualPayment|requestOrderPayment|requestPluginPayment|cloudPay|requestMerchantTransfer)\b/g;

export function paymentViolations(files: SourceFile[]): Violation[] {
  return files.flatMap((f) => [...f.text.matchAll(PAYMENT)].map((m) => ({ path: f.path, line: lineOf(f.text, m.index ?? 0), rule: `payment API ${m[1]}` })));
}

function parse(file: SourceFile): ts.SourceFile {
  return ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true, file.path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
}

function visit(node: ts.Node, fn: (n: ts.Node) => void): void {
  fn(node);
  node.forEachChild((child) => visit(child, fn));
}

const calleeName = (call: ts.CallExpression): string => {
  const e = call.expression;
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return '';
};

/** The function a handler expression stands for: inline, or a function/const declared in the same file. */
function handlerBody(source: ts.SourceFile, expr: ts.Expression): ts.Node {
  if (!ts.isIdentifier(expr)) return expr;
  let found: ts.Node = expr;
  visit(source, (n) => {
    if ((ts.isFunctionDeclaration(n) || ts.isVariableDeclaration(n)) && n.name && ts.isIdentifier(n.name) && n.name.text === expr.text) found = n;
  });
  return found;
}

/** What a share handler may not do (also inside a name: `grantExtraVotes`): call the cloud, touch votes or rewards. It only answers {title, path}. */
const GRANTING = /callFunction|cloud|vote|quota|grant|reward|bonus|await|\bcall[A-Z]\w*\(/i;
const SHARE_HOOKS = new Set(['useShareAppMessage', 'useShareTimeline']);
const SHARE_METHODS = new Set(['onShareAppMessage', 'onShareTimeline']);

export function shareViolations(files: SourceFile[]): Violation[] {
  const out: Violation[] = [];
  for (const file of files) {
    if (!/onShare|useShare/.test(file.text)) continue;
    const source = parse(file);
    const check = (node: ts.Node, where: ts.Node) => {
      const text = node.getText(source);
      const m = GRANTING.exec(text);
      if (m) out.push({ path: file.path, line: source.getLineAndCharacterOfPosition(where.getStart(source)).line + 1, rule: `share handler uses "${m[0]}": sharing must not grant votes or anything else` });
    };
    visit(source, (n) => {
      if (ts.isCallExpression(n) && SHARE_HOOKS.has(calleeName(n)) && n.arguments[0]) check(handlerBody(source, n.arguments[0]), n);
      if ((ts.isMethodDeclaration(n) || ts.isPropertyAssignment(n)) && ts.isIdentifier(n.name) && SHARE_METHODS.has(n.name.text)) check(n, n);
    });
  }
  return out;
}

const TAP_ATTRIBUTE = /^on(Click|Tap|LongPress|LongTap)$/;

/** The names of functions a JSX tap attribute refers to (`onClick={subscribe}`), and the inline tap handlers. */
function tapHandlers(source: ts.SourceFile): { names: Set<string>; inline: Set<ts.Node> } {
  const names = new Set<string>();
  const inline = new Set<ts.Node>();
  visit(source, (n) => {
    if (!ts.isJsxAttribute(n) || !TAP_ATTRIBUTE.test(n.name.getText(source)) || !n.initializer || !ts.isJsxExpression(n.initializer)) return;
    const expr = n.initializer.expression;
    if (!expr) return;
    if (ts.isIdentifier(expr)) names.add(expr.text);
    else if (ts.isArrowFunction(expr) || ts.isFunctionExpression(expr)) {
      inline.add(expr);
      // `onClick={() => subscribe(id)}`: the called function runs inside the tap too.
      visit(expr, (c) => ts.isCallExpression(c) && ts.isIdentifier(c.expression) && names.add(c.expression.text));
    }
  });
  return { names, inline };
}

function enclosingFunctionName(node: ts.Node): { fn: ts.Node | null; name: string | null } {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isFunctionDeclaration(n)) return { fn: n, name: n.name?.text ?? null };
    if (ts.isArrowFunction(n) || ts.isFunctionExpression(n)) {
      const p = n.parent;
      // `const subscribe = useCallback(async () => …)` or `const subscribe = () => …`
      const decl = ts.isVariableDeclaration(p) ? p : ts.isCallExpression(p) && ts.isVariableDeclaration(p.parent) ? p.parent : null;
      return { fn: n, name: decl && ts.isIdentifier(decl.name) ? decl.name.text : null };
    }
  }
  return { fn: null, name: null };
}

/** `requestSubscribeMessage` works only inside a tap: every call must sit in a tap handler. */
export function subscribeViolations(files: SourceFile[]): Violation[] {
  const out: Violation[] = [];
  // A helper in its own module (client/src/salon/subscribe.ts) runs inside the tap of the handler, in any file,
  // that calls it by name.
  const calledInTaps = new Set(files.filter((f) => /\bon(Click|Tap)=/.test(f.text)).flatMap((f) => [...tapHandlers(parse(f)).names]));
  for (const file of files) {
    if (!file.text.includes('requestSubscribeMessage')) continue;
    const source = parse(file);
    const taps = tapHandlers(source);
    visit(source, (n) => {
      if (!ts.isCallExpression(n) || calleeName(n) !== 'requestSubscribeMessage') return;
      const { fn, name } = enclosingFunctionName(n);
      const inTap = (fn && taps.inline.has(fn)) || (name !== null && (taps.names.has(name) || calledInTaps.has(name)));
      if (!inTap) {
        out.push({ path: file.path, line: source.getLineAndCharacterOfPosition(n.getStart(source)).line + 1, rule: 'requestSubscribeMessage outside a tap handler (onClick/onTap)' });
      }
    });
  }
  return out;
}
