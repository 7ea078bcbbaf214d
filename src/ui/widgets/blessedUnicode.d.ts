// blessed's own Unicode tables, as its parseContent and Element.render use them (no types ship with it).
declare module 'blessed/lib/unicode.js' {
  const unicode: {
    /** Matches a wide character (CJK, emoji...) with a capture group around it. */
    readonly chars: { readonly all: RegExp };
    /** Code points that combine with the character before them. */
    readonly combining: Readonly<Record<number, boolean>>;
  };
  export default unicode;
}
