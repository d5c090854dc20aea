declare namespace App {
  interface Locals {
    /** The article being rendered, so that article components can name it in their errors. */
    article?: { id: string; file: string };
  }
}
