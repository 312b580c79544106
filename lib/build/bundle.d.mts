/** The folder of this checkout's code, which holds node_modules; bundles live under it. */
export declare const CODE_ROOT: string;

/** The path of a fresh bundle of `entry` (an absolute .ts path), building it when needed. */
export declare function freshBundle(entry: string, name: string): Promise<string>;
