;;; brieflint-eglot.el --- brieflint through eglot for Markdown and plain text  -*- lexical-binding: t; -*-
;; Emacs 29+ ships eglot; on Emacs 28 install it (Debian: elpa-eglot; or M-x package-install RET eglot).
;; Load this file from your init, or copy its forms.

(require 'eglot)

;; Two entries, so that Markdown and plain text each reach the server with their own language id (eglot
;; before Emacs 30 gives a server one id). add-to-list puts the Markdown entry first, which matters because
;; markdown-mode derives from text-mode.
(add-to-list 'eglot-server-programs '((text-mode :language-id "plaintext") . ("brieflint" "lsp")))
(add-to-list 'eglot-server-programs
             '(((markdown-mode :language-id "markdown") (gfm-mode :language-id "markdown"))
               . ("brieflint" "lsp")))

(defun brieflint-eglot-ensure ()
  "Start brieflint in Markdown and plain-text buffers, not in other modes derived from `text-mode'."
  (when (memq major-mode '(markdown-mode gfm-mode text-mode))
    (eglot-ensure)))

;; text-mode-hook runs in markdown-mode and gfm-mode buffers too.
(add-hook 'text-mode-hook #'brieflint-eglot-ensure)

;; Settings for the "brieflint" section of workspace/configuration go per project in .dir-locals.el:
;;   ((nil . ((eglot-workspace-configuration . (:brieflint (:rules (:relative-date "off")))))))

(provide 'brieflint-eglot)
;;; brieflint-eglot.el ends here
