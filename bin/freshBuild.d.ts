/** True when dist/ was built after the last change to package.json, src/ and parsers/ under `root`. */
export function freshBuild(root: string): boolean;
