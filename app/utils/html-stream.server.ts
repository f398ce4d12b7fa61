import { Transform } from "node:stream";

// React 18.3's streaming server renderer (writeStringChunk in react-dom-server.node) flushes its
// whole 2,048-byte buffer when a multi-byte character does not fit at the buffer's end, so the
// buffer's unwritten last bytes go out as NUL bytes in the HTML ("Français" broken into
// "Fran\0çais" when the ç straddles the boundary). React 19 writes only the bytes written. UTF-8
// never uses a 0x00 byte inside a character, and the field rules refuse NUL in anything people
// type, so dropping 0x00 bytes gives exactly the HTML React meant to send.

/** A pass-through for React's HTML stream that drops the NUL bytes React 18 leaves in it. */
export function withoutNulBytes(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (chunk.indexOf(0) === -1) return callback(null, chunk);
      const kept = Buffer.allocUnsafe(chunk.length);
      let length = 0;
      for (const byte of chunk) if (byte !== 0) kept[length++] = byte;
      callback(null, kept.subarray(0, length));
    },
  });
}
