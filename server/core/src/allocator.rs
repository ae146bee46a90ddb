//! The global allocator: mimalloc, asked through its plain entry points where Rust's alignment is one mimalloc
//! gives every block anyway (at most a word), and through its aligned ones otherwise. The `mimalloc` crate asks
//! the aligned ones for everything, whose extra checks cost about 1 % of an analysis, which allocates some
//! 150,000 times per MB of text.

use libmimalloc_sys as ffi;
use std::alloc::{GlobalAlloc, Layout};
use std::ffi::{c_long, c_void};

/// mimalloc's `mi_option_purge_delay` (its place in `mi_option_e`, mimalloc.h; `libmimalloc-sys` names no
/// constant for it).
const MI_OPTION_PURGE_DELAY: ffi::mi_option_t = 15;

/// How long mimalloc keeps pages freed before it returns them to the system: 1 s by default. Analyses come in
/// bursts (a check of many files, re-analysis on every edit), and pages given back after one were faulted in and
/// zeroed again by the next: the built-in analysis bench spent about 2% of its time in the kernel's page zeroing.
const PURGE_DELAY_MS: c_long = 10_000;

/// Sets mimalloc's options before `main`, so that every program built on the library (the binary, the benches,
/// the tests) allocates alike. Only on Linux, whose loader runs `.init_array`; elsewhere the defaults stay.
#[cfg(target_os = "linux")]
#[used]
#[link_section = ".init_array"]
static CONFIGURE_BEFORE_MAIN: extern "C" fn() = configure;

/// How long mimalloc keeps freed pages before returning them to the system, as it is set now.
pub fn purge_delay() -> std::time::Duration {
    // SAFETY: reading an option is allowed at any time.
    let ms = unsafe { ffi::mi_option_get(MI_OPTION_PURGE_DELAY) };
    std::time::Duration::from_millis(u64::try_from(ms).unwrap_or(0))
}

extern "C" fn configure() {
    // SAFETY: setting an option is allowed at any time; this one only changes when freed pages are returned.
    unsafe { ffi::mi_option_set(MI_OPTION_PURGE_DELAY, PURGE_DELAY_MS) };
}

/// Every mimalloc block is aligned to at least a machine word.
const ALWAYS_ALIGNED: usize = std::mem::size_of::<usize>();

pub struct Mimalloc;

// SAFETY: each call passes the layout's alignment to mimalloc unless mimalloc aligns every block to it anyway;
// mimalloc's calls are thread-safe and return null on failure, as `GlobalAlloc` expects.
unsafe impl GlobalAlloc for Mimalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= ALWAYS_ALIGNED {
            unsafe { ffi::mi_malloc(layout.size()) as *mut u8 }
        } else {
            unsafe { ffi::mi_malloc_aligned(layout.size(), layout.align()) as *mut u8 }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= ALWAYS_ALIGNED {
            unsafe { ffi::mi_zalloc(layout.size()) as *mut u8 }
        } else {
            unsafe { ffi::mi_zalloc_aligned(layout.size(), layout.align()) as *mut u8 }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        unsafe { ffi::mi_free(ptr as *mut c_void) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if layout.align() <= ALWAYS_ALIGNED {
            unsafe { ffi::mi_realloc(ptr as *mut c_void, new_size) as *mut u8 }
        } else {
            unsafe { ffi::mi_realloc_aligned(ptr as *mut c_void, new_size, layout.align()) as *mut u8 }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(target_os = "linux")]
    fn the_purge_delay_is_set_before_main() {
        assert_eq!(purge_delay().as_millis(), PURGE_DELAY_MS as u128);
    }

    #[test]
    fn blocks_keep_their_alignment_and_contents_through_realloc() {
        for align in [1, 2, 4, 8, 16, 32, 64, 4096] {
            for size in [1, 7, 8, 24, 40, 100, 5_000, 70_000] {
                let layout = Layout::from_size_align(size, align).unwrap();
                unsafe {
                    let ptr = Mimalloc.alloc(layout);
                    assert!(
                        !ptr.is_null() && (ptr as usize).is_multiple_of(align),
                        "{size} bytes aligned to {align}"
                    );
                    for i in 0..size {
                        *ptr.add(i) = i as u8;
                    }
                    let grown = Mimalloc.realloc(ptr, layout, size * 3);
                    assert!(
                        (grown as usize).is_multiple_of(align),
                        "{size} bytes grown, aligned to {align}"
                    );
                    assert!((0..size).all(|i| *grown.add(i) == i as u8));
                    Mimalloc.dealloc(grown, Layout::from_size_align(size * 3, align).unwrap());

                    let zeroed = Mimalloc.alloc_zeroed(layout);
                    assert!((zeroed as usize).is_multiple_of(align));
                    assert!((0..size).all(|i| *zeroed.add(i) == 0));
                    Mimalloc.dealloc(zeroed, layout);
                }
            }
        }
    }
}
