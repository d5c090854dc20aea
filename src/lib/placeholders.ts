/**
 * What `npm run new` writes where the editor must supply the real thing. A draft may keep them;
 * the content check refuses them in a piece that is about to go live.
 * example.com is reserved (RFC 2606): it is never anyone's real source.
 */
export const PLACEHOLDER_DEK = 'Write the standfirst here: one or two sentences on what the piece finds.';
export const PLACEHOLDER_SOURCE = { title: 'Replace with the first source', url: 'https://example.com/replace-with-the-source-url' };
