//! Puts the pieces together: block IALs become [`Ial`]s, references to attribute list
//! definitions are resolved, everything is sorted into document order and shifted by the
//! body's offset in the file.

use super::blocks::Blocks;
use super::chars::floor_boundary;
use super::header_text::{header_text, split_explicit_id};
use super::ial::{EntryKind, Follows, Ial, IalProblemKind, build_entries};
use super::ial_grammar::scan_attribute_list;
use super::ial_problems::find_problems;
use super::liquid::Masked;
use super::model::{AnchorId, BlockKind, Header, IdSource, RefDef, Scan, Skipped, SkippedKind};
use super::spans::Outputs;

pub fn finish(
    body: &str,
    masked: &Masked,
    blocks: &Blocks,
    mut out: Outputs,
    mut ref_defs: Vec<RefDef>,
    trailing: &[Option<usize>],
    offset: usize,
) -> Scan {
    // Header context → the ID its block attribute list gives it.
    let mut header_ial_ids: Vec<(usize, String)> = Vec::new();
    for block_ial in &blocks.ials {
        let content = block_ial.content.clone();
        let shift = |p: usize| content.start + p;
        let raw = scan_attribute_list(&masked.text[content.clone()]);
        let entries = build_entries(
            &raw,
            &masked.text[content.clone()],
            &body[content.clone()],
            &shift,
        );
        let problems = find_problems(&masked.text, content.clone(), &raw, &entries, &|p| p);
        let link = block_ial
            .context
            .and_then(|c| trailing.get(c).copied().flatten());
        let follows = Follows::Block {
            target: block_ial.target,
            next: block_ial.next,
        };
        if let Some(def) = block_ial.ref_def {
            ref_defs[def].ials.push(out.ials.len());
        }
        if let (BlockKind::Header, Some(context)) = (block_ial.target, block_ial.context) {
            for entry in &entries {
                if let EntryKind::Id(id) = &entry.kind {
                    header_ial_ids.push((context, id.value.clone()));
                }
            }
        }
        out.ials.push(Ial {
            span: block_ial.span.clone(),
            content,
            recognized: true,
            entries,
            problems,
            follows,
            link,
        });
    }
    // `{:toc}` is kramdown's table-of-contents marker, not a missing definition.
    for ial in &mut out.ials {
        ial.problems.retain(|p| !matches!(&p.kind, IalProblemKind::UnknownReference(name) if blocks.alds.contains(name) || name == "toc"));
    }
    // Only an undefined reference can be excused, so look for Liquid definitions only then.
    let undefined = |b: &super::model::BrokenLink| {
        matches!(b.kind, super::model::BrokenKind::UndefinedReference { .. })
    };
    if out.broken.iter().any(undefined) && liquid_made_definitions(body) {
        out.broken
            .retain(|b| !matches!(b.kind, super::model::BrokenKind::UndefinedReference { .. }));
    }
    let (links, ials) = sort_with_indices(out.links, out.ials, &mut ref_defs);
    let mut skipped: Vec<Skipped> = masked
        .blocks
        .iter()
        .map(|r| Skipped {
            span: r.clone(),
            kind: SkippedKind::Liquid,
        })
        .collect();
    skipped.extend(blocks.skipped.iter().cloned());
    skipped.sort_by_key(|s| (s.span.start, s.span.end));
    let headers = headers(body, masked, blocks, &header_ial_ids);
    let mut ids = out.ids;
    ids.extend(ial_ids(&ials));
    for name in &blocks.footnotes {
        for id in [format!("fn:{name}"), format!("fnref:{name}")] {
            ids.push(AnchorId {
                id,
                span: 0..0,
                source: IdSource::Footnote,
            });
        }
    }
    ids.sort_by_key(|id| id.span.start);
    let ids_complete = !out.ids_unknown && headers.iter().all(|h| h.text.is_some());
    let mut resources = out.resources;
    resources.sort_by_key(|r| r.url.span.start);
    let mut scan = Scan {
        links,
        ials,
        ref_defs,
        broken: out.broken,
        skipped,
        resources,
        ids,
        ids_complete,
        headers,
    };
    scan.broken.sort_by_key(|b| (b.span.start, b.span.end));
    map_spans(&mut scan, &|p| floor_boundary(body, p) + offset);
    scan
}

/// The headers in document order: the text of each and the ID it sets itself (a trailing
/// `{#id}`, or its block attribute list, which wins).
fn headers(
    body: &str,
    masked: &Masked,
    blocks: &Blocks,
    ial_ids: &[(usize, String)],
) -> Vec<Header> {
    blocks
        .headers
        .iter()
        .filter_map(|&context| {
            let lines = &blocks.context_lines[blocks.contexts.get(context)?.lines.clone()];
            let first = lines.first()?;
            let line_end = masked.text[first.start..]
                .find(['\n', '\r'])
                .map_or(masked.text.len(), |e| first.start + e);
            // The `{#id}` may be past the header's text (an ATX header's text ends before it).
            let (_, written_id) = split_explicit_id(&masked.text[first.start..line_end]);
            let end = lines.last().map_or(first.end, |l| l.end);
            let text = header_text(&body[first.start..end], &masked.text[first.start..end]);
            let explicit_id = ial_ids
                .iter()
                .rev()
                .find(|(c, _)| *c == context)
                .map(|(_, id)| id.clone())
                .or(text.explicit_id)
                .or_else(|| written_id.map(str::to_owned));
            Some(Header {
                span: first.start..end,
                text: text.text,
                explicit_id,
            })
        })
        .collect()
}

/// The `#id`s of the attribute lists kramdown applies (to a link, an element or a block).
fn ial_ids(ials: &[Ial]) -> Vec<AnchorId> {
    ials.iter()
        .filter(|ial| ial.recognized && !matches!(ial.follows, Follows::Text | Follows::Start))
        .flat_map(|ial| ial.entries.iter())
        .filter_map(|entry| match &entry.kind {
            EntryKind::Id(id) => Some(AnchorId {
                id: id.value.clone(),
                span: id.span.clone(),
                source: IdSource::Explicit,
            }),
            _ => None,
        })
        .collect()
}

/// A line like `[#{{ issue }}]: …`: definitions written by Liquid, so no reference can be
/// called undefined.
fn liquid_made_definitions(body: &str) -> bool {
    body.lines().any(|line| {
        let line = line.trim_start();
        line.starts_with('[') && line.contains("]:") && (line.contains("{{") || line.contains("{%"))
    })
}

/// Sorts links and IALs by position and renumbers the indices between them.
fn sort_with_indices(
    links: Vec<super::model::Link>,
    ials: Vec<Ial>,
    defs: &mut [RefDef],
) -> (Vec<super::model::Link>, Vec<Ial>) {
    let mut link_order: Vec<usize> = (0..links.len()).collect();
    link_order.sort_by_key(|&i| (links[i].span.start, links[i].span.end));
    let mut ial_order: Vec<usize> = (0..ials.len()).collect();
    ial_order.sort_by_key(|&i| (ials[i].span.start, ials[i].span.end));
    let mut link_new = vec![0; links.len()];
    for (new, &old) in link_order.iter().enumerate() {
        link_new[old] = new;
    }
    let mut ial_new = vec![0; ials.len()];
    for (new, &old) in ial_order.iter().enumerate() {
        ial_new[old] = new;
    }
    let mut links: Vec<Option<super::model::Link>> = links.into_iter().map(Some).collect();
    let mut ials: Vec<Option<Ial>> = ials.into_iter().map(Some).collect();
    let sorted_links = link_order
        .iter()
        .map(|&i| {
            let mut link = links[i].take().expect("each link once");
            for ial in &mut link.ials {
                *ial = ial_new[*ial];
            }
            link
        })
        .collect();
    let sorted_ials = ial_order
        .iter()
        .map(|&i| {
            let mut ial = ials[i].take().expect("each IAL once");
            ial.link = ial.link.map(|l| link_new[l]);
            ial
        })
        .collect();
    for def in defs {
        for ial in &mut def.ials {
            *ial = ial_new[*ial];
        }
    }
    (sorted_links, sorted_ials)
}

/// Applies `f` to every position in `scan`.
fn map_spans(scan: &mut Scan, f: &dyn Fn(usize) -> usize) {
    let span = |r: &mut std::ops::Range<usize>| *r = f(r.start)..f(r.end).max(f(r.start));
    for link in &mut scan.links {
        span(&mut link.span);
        span(&mut link.text);
        for s in [&mut link.url, &mut link.title, &mut link.ref_id]
            .into_iter()
            .flatten()
        {
            span(&mut s.span);
        }
        for attr in &mut link.html_attrs {
            span(&mut attr.name.span);
            if let Some(v) = &mut attr.value {
                span(&mut v.span);
            }
        }
    }
    for ial in &mut scan.ials {
        span(&mut ial.span);
        span(&mut ial.content);
        for problem in &mut ial.problems {
            span(&mut problem.span);
        }
        for entry in &mut ial.entries {
            span(&mut entry.span);
            match &mut entry.kind {
                super::ial::EntryKind::KeyValue { key, value, .. } => {
                    span(&mut key.span);
                    span(&mut value.span);
                }
                super::ial::EntryKind::Class(s)
                | super::ial::EntryKind::Id(s)
                | super::ial::EntryKind::Reference(s) => span(&mut s.span),
            }
        }
    }
    for id in &mut scan.ids {
        span(&mut id.span);
    }
    for resource in &mut scan.resources {
        span(&mut resource.url.span);
    }
    for header in &mut scan.headers {
        span(&mut header.span);
    }
    for def in &mut scan.ref_defs {
        span(&mut def.span);
        span(&mut def.id.span);
        span(&mut def.url.span);
        if let Some(t) = &mut def.title {
            span(&mut t.span);
        }
    }
    for broken in &mut scan.broken {
        span(&mut broken.span);
        if let Some(t) = &mut broken.text {
            span(t);
        }
        match &mut broken.kind {
            super::model::BrokenKind::SpaceBeforeUrl { gap } => span(gap),
            super::model::BrokenKind::UrlClosedWithBracket { at } => span(at),
            super::model::BrokenKind::EmphasisBeforeUrl { marks } => span(marks),
            _ => {}
        }
    }
    for skipped in &mut scan.skipped {
        span(&mut skipped.span);
    }
}
