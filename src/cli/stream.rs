//! Checking in parallel and writing in input order, with bounded memory.
//!
//! Workers take inputs one at a time from a shared iterator, so they work
//! on neighbouring inputs; a worker may run ahead of the output by at most
//! `window` inputs (the reorder window, as ripgrep's `--sort` keeps), then
//! waits. The worker that finishes the next result in input order writes
//! it, and any later ones already done, as soon as it has it: at most
//! `window` results are held at once, whatever the number of inputs, and
//! the first file's output appears as soon as it is checked.
//!
//! No thread waits for results to write them. A writer thread woken for
//! each file cost two context switches per file, a tenth of the CPU time of a
//! run over a tree of small articles; here a worker sleeps only when the
//! window is full.
//!
//! What is written reaches the reader after each result ([`Latency::Each`]:
//! records on a pipe, each answered before the next is read) or within a
//! few milliseconds ([`Latency::Within`]: files). A flush per file was a
//! system call per file, and on a pipe a wake-up of the reader: most of a
//! cached run's time over a tree of small articles. A flushing thread
//! wakes every few milliseconds while the run lasts, so that output never
//! waits behind a long check.

use std::collections::BTreeMap;
use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

/// How far ahead of the output the workers may run, per thread.
const WINDOW_PER_THREAD: usize = 4;

/// The run's progress, shared by the workers.
struct Progress<T> {
    /// Inputs taken by workers.
    taken: usize,
    /// Results written.
    written: usize,
    /// Finished results waiting for an earlier one, by input index.
    pending: BTreeMap<usize, T>,
    /// A worker is writing: results finished meanwhile are left to it.
    writing: bool,
    /// Workers waiting for room in the window.
    waiting: usize,
    /// The sink failed (a closed pipe): take nothing more.
    stopped: bool,
}

/// The sink and its first error.
struct Output<S> {
    sink: S,
    result: io::Result<()>,
    /// Written since the last flush.
    dirty: bool,
    last_flush: Instant,
}

/// What the sink is asked to do.
pub(crate) enum Sink<T> {
    /// Write the next result.
    Write(T),
    /// Hand what is written to the reader.
    Flush,
}

/// How soon written results must reach the reader.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Latency {
    /// After each run of results written at once.
    Each,
    /// Within this long.
    Within(Duration),
}

impl<S> Output<S> {
    /// Flushes what is written when `latency` asks for it now.
    fn flush_if_due<T>(&mut self, latency: Latency)
    where
        S: FnMut(Sink<T>) -> io::Result<()>,
    {
        let due = match latency {
            Latency::Each => true,
            Latency::Within(most) => self.last_flush.elapsed() >= most,
        };
        if self.dirty && due && self.result.is_ok() {
            self.result = (self.sink)(Sink::Flush);
            self.dirty = false;
            self.last_flush = Instant::now();
        }
    }
}

/// Maps `work` over `inputs` on `threads` threads and hands the results to
/// `sink` in input order, on whichever worker has the next result, with
/// flushes as `latency` asks. A `sink` error stops the workers and is
/// returned.
pub(crate) fn ordered<I, T, S>(
    inputs: impl Iterator<Item = I> + Send,
    threads: usize,
    latency: Latency,
    work: impl Fn(I) -> T + Sync,
    sink: S,
) -> io::Result<()>
where
    I: Send,
    T: Send,
    S: FnMut(Sink<T>) -> io::Result<()> + Send,
{
    let threads = threads.max(1);
    let window = threads * WINDOW_PER_THREAD;
    let inputs = Mutex::new(inputs);
    let progress = Mutex::new(Progress {
        taken: 0,
        written: 0,
        pending: BTreeMap::new(),
        writing: false,
        waiting: 0,
        stopped: false,
    });
    let moved = Condvar::new();
    let output = Mutex::new(Output {
        sink,
        result: Ok(()),
        dirty: false,
        last_flush: Instant::now(),
    });
    let finished = AtomicBool::new(false);
    std::thread::scope(|scope| {
        let flusher = match latency {
            Latency::Each => None,
            Latency::Within(most) => {
                let (output, finished) = (&output, &finished);
                Some(scope.spawn(move || {
                    while !finished.load(Ordering::Acquire) {
                        std::thread::park_timeout(most);
                        let mut output = output.lock().expect("output lock");
                        output.flush_if_due(Latency::Each);
                    }
                }))
            }
        };
        let mut workers = Vec::with_capacity(threads);
        for _ in 0..threads {
            let (inputs, progress, moved, work, output) =
                (&inputs, &progress, &moved, &work, &output);
            workers.push(scope.spawn(move || {
                loop {
                    // Hold the iterator while waiting for room in the
                    // window and while taking the next input, so indices
                    // follow input order. Writing needs only `progress`
                    // and `output`, so a worker blocked reading (a record
                    // stream on stdin) never keeps another from writing.
                    let mut source = inputs.lock().expect("input lock");
                    let mut state = progress.lock().expect("progress lock");
                    while !state.stopped && state.taken >= state.written + window {
                        state.waiting += 1;
                        state = moved.wait(state).expect("progress lock");
                        state.waiting -= 1;
                    }
                    if state.stopped {
                        return;
                    }
                    let index = state.taken;
                    state.taken += 1;
                    drop(state);
                    let Some(input) = source.next() else {
                        return;
                    };
                    drop(source);
                    let value = work(input);
                    write_ready(index, value, progress, moved, output, latency);
                }
            }));
        }
        for worker in workers {
            if let Err(panic) = worker.join() {
                finished.store(true, Ordering::Release);
                std::panic::resume_unwind(panic);
            }
        }
        finished.store(true, Ordering::Release);
        if let Some(flusher) = flusher {
            flusher.thread().unpark();
        }
    });
    let mut output = output.into_inner().expect("output lock");
    output.flush_if_due(Latency::Each);
    output.result
}

/// Files one finished result and, unless another worker is writing,
/// writes every result that is next in input order.
fn write_ready<T, S>(
    index: usize,
    value: T,
    progress: &Mutex<Progress<T>>,
    moved: &Condvar,
    output: &Mutex<Output<S>>,
    latency: Latency,
) where
    S: FnMut(Sink<T>) -> io::Result<()>,
{
    let mut state = progress.lock().expect("progress lock");
    state.pending.insert(index, value);
    if state.writing {
        // The writing worker looks for this result before it stops.
        return;
    }
    state.writing = true;
    loop {
        let next = state.written;
        let Some(value) = state.pending.remove(&next) else {
            state.writing = false;
            drop(state);
            // Nothing more to write for now: what is written goes out if
            // it is due (else the flushing thread sends it soon).
            output.lock().expect("output lock").flush_if_due(latency);
            return;
        };
        drop(state);
        let failed = {
            let mut output = output.lock().expect("output lock");
            if output.result.is_ok() {
                output.result = (output.sink)(Sink::Write(value));
                output.dirty = true;
            }
            output.result.is_err()
        };
        state = progress.lock().expect("progress lock");
        state.written = next + 1;
        state.stopped |= failed;
        if state.waiting > 0 {
            moved.notify_all();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_input_order() {
        let mut seen = Vec::new();
        for latency in [Latency::Each, Latency::Within(Duration::from_millis(5))] {
            seen.clear();
            ordered(
                0..1000u64,
                4,
                latency,
                |n| {
                    // Uneven work, so that workers finish out of order.
                    std::thread::sleep(Duration::from_micros((n * 7919) % 50));
                    n * 2
                },
                |event| {
                    if let Sink::Write(n) = event {
                        seen.push(n);
                    }
                    Ok(())
                },
            )
            .unwrap();
            assert_eq!(seen, (0..1000u64).map(|n| n * 2).collect::<Vec<_>>());
        }
    }

    /// Written results reach the reader after each run of them, or within
    /// the latency while a long check holds the next one back; and once
    /// more at the end.
    #[test]
    fn what_is_written_is_flushed_in_time() {
        use std::sync::Arc;
        for latency in [Latency::Each, Latency::Within(Duration::from_millis(5))] {
            // (results written, flushes) as the sink sees them.
            let log = Arc::new(Mutex::new(Vec::new()));
            let flushed_before_slow = Arc::new(AtomicBool::new(false));
            let (sink_log, work_log, seen_flush) =
                (log.clone(), log.clone(), flushed_before_slow.clone());
            ordered(
                0..3u64,
                1,
                latency,
                move |n| {
                    if n == 2 {
                        // A long check: the first two results must have
                        // reached the reader while it runs.
                        std::thread::sleep(Duration::from_millis(50));
                        let log = work_log.lock().unwrap();
                        seen_flush.store(log.last() == Some(&"flush"), Ordering::SeqCst);
                    }
                    n
                },
                move |event| {
                    sink_log.lock().unwrap().push(match event {
                        Sink::Write(_) => "write",
                        Sink::Flush => "flush",
                    });
                    Ok(())
                },
            )
            .unwrap();
            assert!(flushed_before_slow.load(Ordering::SeqCst), "{latency:?}");
            assert_eq!(log.lock().unwrap().last(), Some(&"flush"), "{latency:?}");
        }
    }

    /// A run of quick results is written with far fewer flushes than
    /// results.
    #[test]
    fn quick_results_share_flushes() {
        let (mut writes, mut flushes) = (0, 0);
        ordered(
            0..20_000u64,
            2,
            Latency::Within(Duration::from_millis(20)),
            |n| n,
            |event| {
                match event {
                    Sink::Write(_) => writes += 1,
                    Sink::Flush => flushes += 1,
                }
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(writes, 20_000);
        assert!(flushes < 1_000, "{flushes}");
    }

    #[test]
    fn a_failing_writer_stops_the_run() {
        let mut count = 0;
        let result = ordered(
            0..100_000u64,
            2,
            Latency::Each,
            |n| n,
            |event| {
                if let Sink::Flush = event {
                    return Ok(());
                }
                count += 1;
                if count == 10 {
                    Err(io::Error::from(io::ErrorKind::BrokenPipe))
                } else {
                    Ok(())
                }
            },
        );
        assert!(result.is_err());
        assert_eq!(count, 10);
    }
}
