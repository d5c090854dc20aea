// The code's existing style: single quotes, semicolons, trailing commas, lines up to 160 characters.
/** @type {import('prettier').Config} */
export default {
  printWidth: 160,
  singleQuote: true,
};
