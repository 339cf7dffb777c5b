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

use std::collections::BTreeMap;
use std::io;
use std::sync::{Condvar, Mutex};

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
}

/// Maps `work` over `inputs` on `threads` threads and hands the results to
/// `sink` in input order, on whichever worker has the next result. A
/// `sink` error stops the workers and is returned.
pub(crate) fn ordered<I, T, S>(
    inputs: impl Iterator<Item = I> + Send,
    threads: usize,
    work: impl Fn(I) -> T + Sync,
    sink: S,
) -> io::Result<()>
where
    I: Send,
    T: Send,
    S: FnMut(T) -> io::Result<()> + Send,
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
    });
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let (inputs, progress, moved, work, output) =
                (&inputs, &progress, &moved, &work, &output);
            scope.spawn(move || {
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
                    write_ready(index, value, progress, moved, output);
                }
            });
        }
    });
    output.into_inner().expect("output lock").result
}

/// Files one finished result and, unless another worker is writing,
/// writes every result that is next in input order.
fn write_ready<T, S>(
    index: usize,
    value: T,
    progress: &Mutex<Progress<T>>,
    moved: &Condvar,
    output: &Mutex<Output<S>>,
) where
    S: FnMut(T) -> io::Result<()>,
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
            return;
        };
        drop(state);
        let failed = {
            let mut output = output.lock().expect("output lock");
            if output.result.is_ok() {
                output.result = (output.sink)(value);
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
        ordered(
            0..1000u64,
            4,
            |n| {
                // Uneven work, so that workers finish out of order.
                std::thread::sleep(std::time::Duration::from_micros((n * 7919) % 50));
                n * 2
            },
            |n| {
                seen.push(n);
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(seen, (0..1000u64).map(|n| n * 2).collect::<Vec<_>>());
    }

    #[test]
    fn a_failing_writer_stops_the_run() {
        let mut count = 0;
        let result = ordered(
            0..100_000u64,
            2,
            |n| n,
            |_| {
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
