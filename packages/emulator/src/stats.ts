// Request/response counters that tests (in this process or another one via /_emulator/stats) read to
// check, for example, that unchanged content was never uploaded twice.
export interface EmulatorStats {
  /** Per operationId: every request that reached the operation, also rejected ones. */
  requests: Record<string, number>;
  /** Per status code. */
  responses: Record<string, number>;
  /** Successful creates. */
  creates: number;
  /** sha256 (hex) of each accepted fileContent (create or update) -> how many times. */
  contentUploads: Record<string, number>;
  /** Injected faults per kind (`serverError`, `dropBeforeRead`, `slow`, `operationFail`, ...). */
  faults: Record<string, number>;
  /** The last MAX_BODIES bodies of API requests: declared Content-Length (null: none) and bytes read. */
  bodies: BodyRecord[];
  /**
   * The last MAX_BODIES `fileContent` parts as sent: their filename (null: none) and media type (multipart's
   * default, text/plain, when the part declared none).
   */
  fileParts: FilePartRecord[];
}

export interface FilePartRecord {
  operationId: string;
  fileName: string | null;
  contentType: string;
}

export interface BodyRecord {
  operationId: string;
  contentLength: number | null;
  received: number;
}

/** A long-running emulator keeps only the newest records, so memory stays flat. */
const MAX_BODIES = 1000;

export class StatsRecorder {
  private stats = StatsRecorder.empty();

  private static empty(): EmulatorStats {
    return {
      requests: {},
      responses: {},
      creates: 0,
      contentUploads: {},
      faults: {},
      bodies: [],
      fileParts: [],
    };
  }

  request(operationId: string): void {
    this.stats.requests[operationId] = (this.stats.requests[operationId] ?? 0) + 1;
  }

  response(status: number): void {
    const key = String(status);
    this.stats.responses[key] = (this.stats.responses[key] ?? 0) + 1;
  }

  created(): void {
    this.stats.creates += 1;
  }

  contentUploaded(sha256: string): void {
    this.stats.contentUploads[sha256] = (this.stats.contentUploads[sha256] ?? 0) + 1;
  }

  fault(kind: string): void {
    this.stats.faults[kind] = (this.stats.faults[kind] ?? 0) + 1;
  }

  body(record: BodyRecord): void {
    this.stats.bodies.push(record);
    if (this.stats.bodies.length > MAX_BODIES) this.stats.bodies.shift();
  }

  filePart(record: FilePartRecord): void {
    this.stats.fileParts.push(record);
    if (this.stats.fileParts.length > MAX_BODIES) this.stats.fileParts.shift();
  }

  snapshot(): EmulatorStats {
    return structuredClone(this.stats);
  }

  reset(): void {
    this.stats = StatsRecorder.empty();
  }
}
