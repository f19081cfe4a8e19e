// Hostile package files: constructs the js-yaml fast path and the `yaml` parser may read
// differently, and inputs every check must survive. Shared by the fast-path and result-cache tests.
import { VALID_PACKAGE } from '../helpers/cli.js';

/** Inputs that stress the two parsers' differences: each must give identical diagnostics. */
export const CORPUS: Record<string, string> = {
  valid: VALID_PACKAGE,
  multi: `${VALID_PACKAGE}---\n${VALID_PACKAGE.replace('meet-basic', 'meet-two')}---\n`,
  unknownKeys: 'code: meet-x\nname: X\nservice_type: meet\npirce: 3\nfeatures: {max_room: 1}\n',
  wrongTypes: 'code: 12\nname: [a]\nservice_type: meet\nprice: "10"\nhidden: 1\n',
  yaml11: 'code: meet-x\nname: X\nservice_type: meet\nhidden: yes\nstock_qty: 010\npackage_settings: {t: 1:30, u: Off}\n',
  duplicate: 'code: meet-x\nname: X\nname: Y\nservice_type: meet\n',
  gluedComment: 'code: "meet-x"# comment\nname: X\nservice_type: meet\n',
  collectionKey: '[a, b]: 1\ncode: meet-x\n',
  flowAcrossLines: 'code: meet-x\nname: X\nservice_type: meet\nfeatures: {max_rooms: 1,\nrecording: true}\n',
  quotedAcrossLines: 'code: meet-x\nname: "X\n  Y"\nservice_type: meet\n',
  anchors: 'code: &c meet-x\nname: *c\nservice_type: meet\n',
  tags: 'code: !!str meet-x\nname: !custom X\nservice_type: meet\n',
  blockScalar: 'code: meet-x\nname: X\nservice_type: meet\ndescription: |\n  line one\n  line two\n',
  numbers: 'code: meet-x\nname: X\nservice_type: meet\nprice: 1e3\nsignup_fee: +.5\ntier: 0x1F\npackage_settings: {a: 1_000, b: 0b101, c: .inf}\n',
  nulls: 'code: meet-x\nname: ~\nservice_type:\ndescription: null\n',
  protoKey: 'code: meet-x\nname: X\nservice_type: meet\npackage_metadata: {__proto__: {a: 1}}\n',
  notMapping: '- code: meet-x\n',
  emptyDocs: '---\n---\n',
  directive: '%YAML 1.2\n---\ncode: meet-x\nname: X\nservice_type: meet\n',
  deep: `code: meet-x\nname: X\nservice_type: meet\npackage_metadata: {a: ${'['.repeat(80)}${']'.repeat(80)}}\n`,
  tabs: 'code: meet-x\nname: X\nservice_type: meet\nfeatures:\n\tmax_rooms: 1\n',
  syntax: 'code: meet-x\nname: "X\n',
  unicode: 'code: meet-x\nname: "Café ☕"\nservice_type: meet\ndescription: Ünïcödé — “quotes”\n',
  documentEnd: 'code: meet-x\nname: X\nservice_type: meet\n...\n',
  explicitKey: '? code\n: meet-x\nname: X\nservice_type: meet\n',
};
