//! Resident memory and load time of a 100,000-actor knowledge base, measured in a fresh process from
//! /proc/self/status. Run with `cargo bench -p brieflint --bench kb_memory`.

mod support;

use brieflint_core::KnowledgeBase;
use std::time::Instant;
use support::cpu_time::process_cpu_time;

const ACTORS: usize = 100_000;
const RUNS: usize = 5;

/// A field of /proc/self/status in kB ("VmRSS", "VmHWM").
fn status_kb(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("Linux /proc/self/status");
    status
        .lines()
        .find_map(|line| line.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or_else(|| panic!("no {field} in /proc/self/status"))
}

/// Resident memory once mimalloc has returned freed pages by itself, as it does in a process that goes on working:
/// it purges pages freed more than its purge delay ago (see `brieflint_core::purge_delay`) when it next allocates.
fn status_kb_after_purge_delay(field: &str) -> u64 {
    std::thread::sleep(brieflint_core::purge_delay() + std::time::Duration::from_millis(200));
    let work: Vec<Vec<u8>> = (0..10_000).map(|i| vec![0; i % 3000]).collect();
    drop(std::hint::black_box(work));
    status_kb(field)
}

/// Ask mimalloc, the global allocator (see lib.rs), to return the pages it keeps free to the system at once,
/// to tell memory the base holds from memory the allocator kept after loading. Loading a large base does this
/// itself (`actors/mod.rs`), so the figure right after loading should already be the same.
fn release_free_heap() {
    extern "C" {
        fn mi_collect(force: bool);
    }
    // SAFETY: mi_collect only frees and returns memory no allocation uses; it is linked in with the allocator.
    unsafe { mi_collect(true) };
}

fn mb(kb: u64) -> f64 {
    kb as f64 / 1024.0
}

fn main() {
    // `cargo bench` passes `--bench`; a filter that does not name this bench skips it.
    let filter = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    if filter.is_some_and(|f| !"kb-memory".contains(&f)) {
        return;
    }
    let toml = support::generated_kb(ACTORS, 7);
    let text_bytes = toml.len();
    // Measured with the text in memory before and after, so that neither figure counts it: once freed, mimalloc
    // keeps its pages until it collects, and they would count as the base's.
    let before = status_kb("VmRSS");

    let start = Instant::now();
    let cpu_start = process_cpu_time();
    let kb = KnowledgeBase::from_toml(&toml).expect("the generated base loads");
    let first_load = start.elapsed();
    let first_load_cpu = process_cpu_time() - cpu_start;
    let resident = status_kb("VmRSS");
    let peak = status_kb("VmHWM");
    let purged = status_kb_after_purge_delay("VmRSS");

    release_free_heap();
    let collected = status_kb("VmRSS");
    drop(toml);

    let toml = support::generated_kb(ACTORS, 7);
    let (mut times, mut cpu_times): (Vec<f64>, Vec<f64>) = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            let cpu_start = process_cpu_time();
            let again = KnowledgeBase::from_toml(&toml).expect("loads");
            let elapsed = start.elapsed().as_secs_f64() * 1000.0;
            let cpu = (process_cpu_time() - cpu_start).as_secs_f64() * 1000.0;
            drop(again);
            (elapsed, cpu)
        })
        .unzip();
    times.sort_by(f64::total_cmp);
    cpu_times.sort_by(f64::total_cmp);

    println!(
        "kb-memory: {} actors, {} surfaces, {:.1} MB of TOML",
        kb.actors().len(),
        kb.matcher().surfaces().len(),
        text_bytes as f64 / 1e6
    );
    println!(
        "kb-memory: load time, first in a fresh process, wall: {:.0} ms",
        first_load.as_secs_f64() * 1000.0
    );
    println!(
        "kb-memory: load time, first in a fresh process, CPU (all threads): {:.0} ms",
        first_load_cpu.as_secs_f64() * 1000.0
    );
    println!(
        "kb-memory: load time, median of {RUNS} more, wall: {:.0} ms",
        times[RUNS / 2]
    );
    println!(
        "kb-memory: load time, median of {RUNS} more, CPU (all threads): {:.0} ms",
        cpu_times[RUNS / 2]
    );
    println!(
        "kb-memory: resident memory held by the loaded base (VmRSS after - before, TOML text in both): {:.1} MB",
        mb(resident - before)
    );
    println!(
        "kb-memory: resident memory held by the loaded base {:.1} s later, once mimalloc purged freed pages itself: {:.1} MB",
        (brieflint_core::purge_delay() + std::time::Duration::from_millis(200)).as_secs_f64(),
        mb(purged - before)
    );
    println!(
        "kb-memory: resident memory held by the loaded base once mimalloc returned its free pages (mi_collect): {:.1} MB",
        mb(collected - before)
    );
    println!(
        "kb-memory: peak resident during load (VmHWM - before, TOML text in both): {:.1} MB",
        mb(peak - before)
    );
}
