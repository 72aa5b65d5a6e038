// Multipart bodies of declared length for Node, where the transport (node-fetch.ts) streams the body and
// needs its length up front. form-data-encoder frames the parts and computes the exact length from them
// (boundary, part headers, the JSON `request`, the file's size); the body is a Blob of those framing bytes
// around the file's own Blob, so the file is still read from disk as it is sent, never whole.
import { FormDataEncoder } from "form-data-encoder";
import type { MultipartEncoder } from "../client/files.js";

export const multipartWithLength: MultipartEncoder = (form) => {
  const encoder = new FormDataEncoder(form);
  // values() yields the framing as bytes and each file as the Blob it was appended as (unread).
  const body = new Blob([...encoder.values()] as BlobPart[], { type: encoder.contentType });
  return {
    body,
    headers: {
      "content-type": encoder.contentType,
      "content-length": encoder.contentLength ?? String(body.size),
    },
  };
};
