//! Criterion measurements of CPU time instead of wall time. This machine's two cores are shared with other work;
//! wall time then counts the time the thread waited for a core, CPU time does not, so the figures say what the
//! cores do. `ThreadCpuTime` counts the benchmark thread alone (work done on one core); `ProcessCpuTime` counts
//! every thread of the process, for work spread over a thread pool (loading a knowledge base).

use criterion::measurement::{Measurement, ValueFormatter, WallTime};
use std::time::Duration;

pub struct ThreadCpuTime;
pub struct ProcessCpuTime;

/// The CPU time the calling thread has used so far.
pub fn thread_cpu_time() -> Duration {
    cpu_time(libc::CLOCK_THREAD_CPUTIME_ID)
}

/// The CPU time all threads of the process have used so far: work spread over a thread pool counts whole.
pub fn process_cpu_time() -> Duration {
    cpu_time(libc::CLOCK_PROCESS_CPUTIME_ID)
}

fn cpu_time(clock: libc::clockid_t) -> Duration {
    let mut now = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `now` is a valid timespec to write to; the clock id is a constant the kernel knows.
    let status = unsafe { libc::clock_gettime(clock, &mut now) };
    assert_eq!(status, 0, "clock_gettime({clock}) failed");
    Duration::new(now.tv_sec as u64, now.tv_nsec as u32)
}

/// A criterion `Measurement` of CPU time by a function that reads it.
macro_rules! cpu_time_measurement {
    ($name:ident, $read:ident) => {
        impl Measurement for $name {
            type Intermediate = Duration;
            type Value = Duration;

            fn start(&self) -> Duration {
                $read()
            }

            fn end(&self, start: Duration) -> Duration {
                $read().saturating_sub(start)
            }

            fn add(&self, a: &Duration, b: &Duration) -> Duration {
                *a + *b
            }

            fn zero(&self) -> Duration {
                Duration::ZERO
            }

            fn to_f64(&self, value: &Duration) -> f64 {
                value.as_nanos() as f64
            }

            fn formatter(&self) -> &dyn ValueFormatter {
                // Durations are formatted as criterion formats wall time.
                static WALL_TIME: WallTime = WallTime;
                WALL_TIME.formatter()
            }
        }
    };
}

cpu_time_measurement!(ThreadCpuTime, thread_cpu_time);
cpu_time_measurement!(ProcessCpuTime, process_cpu_time);
