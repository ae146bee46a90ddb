//! Markdown → blocks, from pulldown-cmark's events with source offsets.
//! Code, HTML, images and front matter are left out; links and footnote references are kept as citations.

use super::{Block, BlockBuilder, BlockKind, BYTES_PER_BLOCK};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::ops::Range;

/// The Markdown extensions brieflint reads (chunked analysis parses with the same ones).
pub(crate) fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
}

pub(super) fn blocks(text: &str) -> Vec<Block> {
    let mut walker = Walker {
        blocks: Vec::with_capacity(text.len() / BYTES_PER_BLOCK),
        ..Walker::default()
    };
    for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        walker.event(event, range, text);
    }
    walker.flush();
    walker.blocks
}

#[derive(Default)]
struct Walker {
    blocks: Vec<Block>,
    current: Option<(BlockKind, BlockBuilder)>,
    quote_depth: usize,
    item_depth: usize,
    footnote_depth: usize,
    /// Inside code, HTML, an image or front matter: nothing here is prose.
    skip_depth: usize,
    link_starts: Vec<usize>,
    /// Where the current line of the open block starts in its plain text.
    line_start: usize,
}

impl Walker {
    fn prose_kind(&self) -> BlockKind {
        if self.footnote_depth > 0 {
            BlockKind::FootnoteDefinition
        } else if self.item_depth > 0 {
            BlockKind::ListItem
        } else {
            BlockKind::Paragraph
        }
    }

    fn flush(&mut self) {
        if let Some((kind, builder)) = self.current.take() {
            if !builder.is_blank() {
                self.blocks.push(builder.finish(kind, self.quote_depth > 0));
            }
        }
    }

    /// A new block, with room for `source_len` bytes: its plain text is seldom longer than its source.
    fn open(&mut self, kind: BlockKind, source_len: usize) {
        self.flush();
        self.current = Some((kind, BlockBuilder::with_capacity(source_len)));
        self.line_start = 0;
    }

    fn builder(&mut self) -> &mut BlockBuilder {
        if self.current.is_none() {
            self.open(self.prose_kind(), 0);
        }
        &mut self.current.as_mut().expect("a block was just opened").1
    }

    fn event(&mut self, event: Event, range: Range<usize>, source: &str) {
        match event {
            Event::Start(tag) => self.start(tag, range.len()),
            Event::End(tag) => self.end(tag),
            _ if self.skip_depth > 0 => {}
            Event::Text(text) => self.builder().push(&text, range),
            // Code is never analysed; a space keeps the words around it apart.
            Event::Code(_) | Event::InlineMath(_) | Event::DisplayMath(_) => self.builder().push(" ", range),
            Event::SoftBreak | Event::HardBreak => {
                let next_line = source[range.end..].lines().next().unwrap_or_default();
                let line_start = self.line_start;
                let builder = self.builder();
                let line = &builder.text()[line_start.min(builder.len())..];
                // A line broken on purpose (a hard break: list pieces, contents, a converted page) ends its
                // sentence; so does a heading or title pasted on a line of its own.
                let hard = matches!(event, Event::HardBreak);
                let ends = hard
                    || super::plaintext::ends_unmarked_line(line, next_line)
                    || super::plaintext::opens_a_provision(line, next_line);
                builder.push(if ends { "\n" } else { " " }, range);
                self.line_start = builder.len();
            }
            Event::FootnoteReference(_) => {
                let builder = self.builder();
                let start = builder.len();
                builder.push(&source[range.clone()], range);
                let end = builder.len();
                builder.cite(start..end);
            }
            Event::Rule => self.flush(),
            Event::Html(_) | Event::InlineHtml(_) | Event::TaskListMarker(_) => {}
        }
    }

    /// `source_len`: the length of the tag's source, its contents included.
    fn start(&mut self, tag: Tag, source_len: usize) {
        match tag {
            Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::MetadataBlock(_) => {
                self.flush();
                self.skip_depth += 1;
            }
            Tag::Image { .. } => self.skip_depth += 1,
            _ if self.skip_depth > 0 => {}
            Tag::Paragraph => self.open(self.prose_kind(), source_len),
            Tag::Heading { .. } => self.open(BlockKind::Heading, source_len),
            Tag::Item => {
                self.item_depth += 1;
                // An item's source holds its nested items too; its own text is often a line of it.
                self.open(self.prose_kind(), source_len.min(256));
            }
            Tag::TableCell => self.open(BlockKind::TableCell, source_len),
            Tag::BlockQuote(_) => {
                self.flush();
                self.quote_depth += 1;
            }
            Tag::FootnoteDefinition(_) => {
                self.flush();
                self.footnote_depth += 1;
            }
            Tag::Link { .. } => {
                let start = self.builder().len();
                self.link_starts.push(start);
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::MetadataBlock(_) | TagEnd::Image => {
                self.skip_depth = self.skip_depth.saturating_sub(1);
            }
            _ if self.skip_depth > 0 => {}
            TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::TableCell => self.flush(),
            TagEnd::Item => {
                self.flush();
                self.item_depth = self.item_depth.saturating_sub(1);
            }
            TagEnd::BlockQuote(_) => {
                self.flush();
                self.quote_depth = self.quote_depth.saturating_sub(1);
            }
            TagEnd::FootnoteDefinition => {
                self.flush();
                self.footnote_depth = self.footnote_depth.saturating_sub(1);
            }
            TagEnd::Link => {
                if let Some(start) = self.link_starts.pop() {
                    let builder = self.builder();
                    let end = builder.len();
                    builder.cite(start..end);
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(source: &str) -> Vec<(BlockKind, String)> {
        blocks(source).into_iter().map(|b| (b.kind, b.text)).collect()
    }

    #[test]
    fn structure_becomes_blocks() {
        let source = "---\ntitle: x\n---\n# Head\n\nPara one\nwraps here.\n\n- item one\n- item two\n\n> quoted words\n\n| a | b |\n|---|---|\n| cell | two |\n\n```\ncode here\n```\n";
        let found = texts(source);
        assert_eq!(
            found,
            vec![
                (BlockKind::Heading, "Head".into()),
                (BlockKind::Paragraph, "Para one wraps here.".into()),
                (BlockKind::ListItem, "item one".into()),
                (BlockKind::ListItem, "item two".into()),
                (BlockKind::Paragraph, "quoted words".into()),
                (BlockKind::TableCell, "a".into()),
                (BlockKind::TableCell, "b".into()),
                (BlockKind::TableCell, "cell".into()),
                (BlockKind::TableCell, "two".into()),
            ]
        );
        assert!(blocks(source)[4].quoted);
    }

    #[test]
    fn links_and_footnotes_are_citations_and_code_is_left_out() {
        let source = "The `cfg` army [said](https://x.org) it.[^1]\n\n[^1]: Dawn, 2 May.\n";
        let found = blocks(source);
        assert_eq!(found[0].text, "The   army said it.[^1]");
        let cited: Vec<&str> = found[0].citations.iter().map(|r| &found[0].text[r.clone()]).collect();
        assert_eq!(cited, vec!["said", "[^1]"]);
        assert_eq!(found[1].kind, BlockKind::FootnoteDefinition);
        let said = found[0].text.find("said").unwrap();
        assert_eq!(found[0].map.to_source(said), source.find("said").unwrap());
    }

    #[test]
    fn loose_list_items_keep_their_kind() {
        let found = texts("- first point.\n\n- second point.\n");
        assert!(found.iter().all(|(kind, _)| *kind == BlockKind::ListItem));
        assert_eq!(found.len(), 2);
    }
}
