/** The part of the `hyphen` package's en-US module techfile uses (the package ships no types). */
declare module 'hyphen/en-us/index.js' {
  interface HyphenOptions {
    readonly hyphenChar?: string;
    readonly minWordLength?: number;
    readonly exceptions?: readonly string[];
  }
  const enUs: {
    hyphenateSync(text: string, options?: HyphenOptions): string;
  };
  export default enUs;
}
