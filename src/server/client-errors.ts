/**
 * What Node answers itself, before any route, to a request its HTTP parser refuses: a request
 * line and headers over `maxHeaderSize` (16 KiB; a long path is the usual one), headers too slow
 * (HTTP_HEADERS_TIMEOUT_SECONDS), a malformed request. Node's own answers carry no body; these
 * carry the JSON error body every other refusal has, with a code naming the problem.
 */
import type http from 'node:http';
import type { Duplex } from 'node:stream';

interface ClientError extends Error {
  code?: string;
}

/** Status, reason phrase, code and message of a parser refusal. */
function refusal(code: string | undefined): [number, string, string, string] {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return [
        431,
        'Request Header Fields Too Large',
        'REQUEST_HEADER_FIELDS_TOO_LARGE',
        'The request line and headers exceed 16 KiB (a path that long is refused before any route)',
      ];
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return [408, 'Request Timeout', 'REQUEST_TIMEOUT', 'The request did not arrive in time'];
    default:
      return [400, 'Bad Request', 'BAD_REQUEST', `Malformed HTTP request (${code ?? 'parse error'})`];
  }
}

/** Answers parser refusals as Node does (only before any answer on the socket began), with a JSON body. */
export function answerClientErrors(server: http.Server): void {
  server.on('clientError', (err: ClientError, socket: Duplex) => {
    const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (err.code !== 'ECONNRESET' && socket.writable && !inFlight?.headersSent) {
      const [status, reason, code, message] = refusal(err.code);
      const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
      socket.write(
        `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\n` +
          `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
    }
    socket.destroy(err);
  });
}
