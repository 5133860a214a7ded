/** exceljs' SAX helper (saxes, events batched per chunk); exceljs ships no types for it. */
declare module 'exceljs/lib/utils/parse-sax.js' {
  type SaxEvent =
    | { eventType: 'opentag'; value: { name: string; attributes: Record<string, string> } }
    | { eventType: 'text'; value: string }
    | { eventType: 'closetag'; value: { name: string } };
  function parseSax(chunks: AsyncIterable<string | Buffer>): AsyncGenerator<SaxEvent[]>;
  export = parseSax;
}
