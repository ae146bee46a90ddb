// The sourcing report in a webview: the server makes the page (workspace/executeCommand
// "brieflint.sourcingReport" with the document's URI, for its current text), the extension shows it. The page
// is self-contained; in a webview its one inline script runs under a nonce instead of 'unsafe-inline'.

/** The server's command, as it advertises it. */
export const REPORT_COMMAND = "brieflint.sourcingReport";

/** What the server answers. */
export interface Report {
  title: string;
  html: string;
}

/** Whether a command's answer is a report. */
export function isReport(value: unknown): value is Report {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Report).title === "string" &&
    typeof (value as Report).html === "string"
  );
}

/**
 * The page as a webview shows it: its content security policy replaced by one that lets only the page's own
 * scripts (carrying `nonce`) run and loads nothing, and each inline script given the nonce.
 */
export function webviewHtml(html: string, nonce: string): string {
  const policy = `default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-${nonce}'`;
  return html
    .replace(
      /<meta http-equiv="Content-Security-Policy" content="[^"]*">/,
      `<meta http-equiv="Content-Security-Policy" content="${policy}">`,
    )
    .replace(/<script>/g, `<script nonce="${nonce}">`);
}

/** A nonce for one page: 32 characters from a cryptographic source. */
export function newNonce(randomBytes: (size: number) => Buffer): string {
  return randomBytes(24).toString("base64").replace(/[+/=]/g, "x");
}
