;;; e2e.el --- headless test of brieflint-eglot.el with the real server  -*- lexical-binding: t; -*-
;; BRIEFLINT_BIN=path/to/brieflint emacs --batch -l editors/emacs/test/e2e.el
;; Loads ../brieflint-eglot.el and opens copies of the Neovim test's fixture as Markdown and as plain text. For
;; each, eglot must start the server with the right language id, the unattributed-claim diagnostics must reach
;; flymake on the expected lines, and a hover on the acronym TTP must show its card. Exits 0 on success, 1 with
;; the reason on failure.

(require 'package)
(package-initialize)
(require 'markdown-mode)

(defvar brieflint-test-dir (file-name-directory (or load-file-name buffer-file-name)))
(defvar brieflint-unsourced-lines '(3 7))

(defun brieflint-test-fail (format-string &rest args)
  (princ (concat "FAIL: " (apply #'format format-string args) "\n") #'external-debugging-output)
  (kill-emacs 1))

(defun brieflint-test-wait (seconds predicate)
  "Process events until PREDICATE is true or SECONDS pass; return PREDICATE's last value."
  (let ((deadline (+ (float-time) seconds)) value)
    (while (and (not (setq value (funcall predicate))) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    value))

(defun brieflint-test-unsourced-lines ()
  (sort (delq nil (mapcar (lambda (d)
                            (when (string-match-p "unattributed-claim" (flymake-diagnostic-text d))
                              (line-number-at-pos (flymake-diagnostic-beg d))))
                          (flymake-diagnostics)))
        #'<))

(defun brieflint-test-file (file mode language-id)
  "Open FILE, check it is in MODE and served with LANGUAGE-ID, and check diagnostics and hover."
  (find-file file)
  (unless (eq major-mode mode)
    (brieflint-test-fail "%s opened in %s, expected %s" file major-mode mode))
  ;; eglot-ensure connects after the next command; in batch there is none, so run the hook as a command would.
  (run-hooks 'post-command-hook)
  (unless (brieflint-test-wait 15 (lambda () (and (eglot-current-server) eglot--managed-mode)))
    (brieflint-test-fail "eglot did not start brieflint for %s" file))
  (let ((id (eglot--language-id (eglot-current-server))))
    (unless (equal id language-id)
      (brieflint-test-fail "%s is served as %S, expected %S" file id language-id)))
  (unless (brieflint-test-wait 15 (lambda () (>= (length (brieflint-test-unsourced-lines))
                                                 (length brieflint-unsourced-lines))))
    (brieflint-test-fail "unattributed-claim diagnostics did not arrive for %s: %S" file (flymake-diagnostics)))
  (let ((lines (brieflint-test-unsourced-lines)))
    (unless (equal lines brieflint-unsourced-lines)
      (brieflint-test-fail "%s: unattributed-claim on lines %S, expected %S" file lines brieflint-unsourced-lines)))
  (goto-char (point-min))
  (forward-line 8)
  (search-forward "TTP")
  (backward-char 1)
  (let* ((hover (jsonrpc-request (eglot-current-server) :textDocument/hover (eglot--TextDocumentPositionParams)))
         (contents (plist-get hover :contents))
         (text (if (stringp contents) contents (format "%s" (plist-get contents :value)))))
    (unless (string-match-p "Tehreek-e-Taliban Pakistan" text)
      (brieflint-test-fail "%s: hover on TTP did not show the card: %s" file text)))
  (princ (format "emacs e2e (Emacs %s, eglot): ok: %s as %s, unattributed-claim on lines %S, hover on TTP\n"
                 emacs-version (file-name-nondirectory file) language-id (brieflint-test-unsourced-lines))))

(condition-case err
    (let* ((bin (or (getenv "BRIEFLINT_BIN") (brieflint-test-fail "set BRIEFLINT_BIN")))
           (fixture (expand-file-name "../../nvim/test/fixture.md" brieflint-test-dir))
           (workspace (make-temp-file "brieflint-emacs-" t)))
      (load (expand-file-name "../brieflint-eglot.el" brieflint-test-dir) nil t)
      ;; The binary under test instead of brieflint on PATH, in both documented entries.
      (dolist (entry eglot-server-programs)
        (when (equal (cdr entry) '("brieflint" "lsp"))
          (setcdr entry (list bin "lsp"))))
      (make-directory (expand-file-name ".git" workspace))
      ;; Marked for brieflint: outside such a folder the server lints nothing by default (brieflint.enable auto).
      (make-directory (expand-file-name ".brieflint" workspace))
      (copy-file fixture (expand-file-name "weekly.md" workspace))
      (copy-file fixture (expand-file-name "weekly.txt" workspace))
      (brieflint-test-file (expand-file-name "weekly.md" workspace) 'markdown-mode "markdown")
      (brieflint-test-file (expand-file-name "weekly.txt" workspace) 'text-mode "plaintext")
      (kill-emacs 0))
  (error (brieflint-test-fail "%s" (error-message-string err))))
