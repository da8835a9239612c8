//! Timing shared by the benchmarks: one warm-up run, then `runs` timed ones, printed as
//! min / median / max.

use std::time::{Duration, Instant};

/// The sorted durations of `runs` runs of `run`, after one untimed warm-up run.
pub fn measure<T, E>(
    runs: usize,
    mut run: impl FnMut() -> Result<T, E>,
) -> Result<Vec<Duration>, E> {
    run()?;
    let mut timings = Vec::with_capacity(runs);
    for _ in 0..runs {
        let started = Instant::now();
        std::hint::black_box(run()?);
        timings.push(started.elapsed());
    }
    timings.sort();
    Ok(timings)
}

/// One line: the name, then min / median / max in milliseconds.
pub fn report(name: &str, timings: &[Duration]) {
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let (Some(first), Some(last)) = (timings.first(), timings.last()) else {
        println!("{name:<48} no runs");
        return;
    };
    println!(
        "{name:<48} min {:>7.2} ms   median {:>7.2} ms   max {:>7.2} ms",
        ms(*first),
        ms(timings[timings.len() / 2]),
        ms(*last)
    );
}
