//! Checking in parallel and writing in input order, with bounded memory.
//!
//! Workers take inputs one at a time from a shared iterator, so they work
//! on neighbouring inputs; a worker may run ahead of the writer by at most
//! `window` inputs (the reorder window, as ripgrep's `--sort` keeps), then
//! waits. The writer (the calling thread) puts each result out as soon as
//! every earlier one is out. At most `window` results are held at once,
//! whatever the number of inputs, and the first file's output appears as
//! soon as it is checked.

use std::collections::BTreeMap;
use std::io;
use std::sync::mpsc;
use std::sync::{Condvar, Mutex};

/// How far ahead of the writer the workers may run, per thread.
const WINDOW_PER_THREAD: usize = 4;

/// The writer's progress, which the workers wait on.
struct Progress {
    /// Inputs taken by workers.
    taken: usize,
    /// Results written.
    written: usize,
    /// The writer failed (a closed pipe): take nothing more.
    stopped: bool,
}

/// Maps `work` over `inputs` on `threads` threads and hands the results to
/// `sink` in input order. A `sink` error stops the workers and is returned.
pub(crate) fn ordered<I, T>(
    inputs: impl Iterator<Item = I> + Send,
    threads: usize,
    work: impl Fn(I) -> T + Sync,
    mut sink: impl FnMut(T) -> io::Result<()>,
) -> io::Result<()>
where
    I: Send,
    T: Send,
{
    let threads = threads.max(1);
    let window = threads * WINDOW_PER_THREAD;
    let inputs = Mutex::new(inputs);
    let progress = Mutex::new(Progress {
        taken: 0,
        written: 0,
        stopped: false,
    });
    let moved = Condvar::new();
    let (send, receive) = mpsc::channel::<(usize, T)>();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let send = send.clone();
            let (inputs, progress, moved, work) = (&inputs, &progress, &moved, &work);
            scope.spawn(move || {
                loop {
                    // Hold the iterator while waiting for room in the
                    // window and while taking the next input, so indices
                    // follow input order; the writer needs only `progress`,
                    // so a worker blocked reading (a record stream on
                    // stdin) never keeps it from writing.
                    let mut source = inputs.lock().expect("input lock");
                    let mut state = progress.lock().expect("progress lock");
                    while !state.stopped && state.taken >= state.written + window {
                        state = moved.wait(state).expect("progress lock");
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
                    if send.send((index, work(input))).is_err() {
                        return;
                    }
                }
            });
        }
        drop(send);
        let mut pending: BTreeMap<usize, T> = BTreeMap::new();
        let mut next = 0;
        let mut result = Ok(());
        for (index, value) in receive {
            pending.insert(index, value);
            while let Some(value) = pending.remove(&next) {
                next += 1;
                if result.is_ok() {
                    result = sink(value);
                }
                let mut state = progress.lock().expect("progress lock");
                state.written = next;
                state.stopped |= result.is_err();
                drop(state);
                moved.notify_all();
            }
        }
        result
    })
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
