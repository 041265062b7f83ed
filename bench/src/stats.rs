//! Percentiles and the printed tables.

use std::time::Duration;

#[derive(Debug, Clone, Copy)]
pub struct Summary {
    pub n: usize,
    pub p50: Duration,
    pub p99: Duration,
    pub max: Duration,
}

/// Nearest-rank percentiles of the samples (`None` when there are none).
pub fn summarize(samples: &[Duration]) -> Option<Summary> {
    if samples.is_empty() {
        return None;
    }
    let mut s = samples.to_vec();
    s.sort();
    let rank = |p: f64| {
        let r = (p / 100.0 * s.len() as f64).ceil() as usize;
        s[r.clamp(1, s.len()) - 1]
    };
    Some(Summary {
        n: s.len(),
        p50: rank(50.0),
        p99: rank(99.0),
        max: s[s.len() - 1],
    })
}

/// `123 µs`, `4.56 ms`, `1.23 s`.
pub fn fmt(d: Duration) -> String {
    let us = d.as_secs_f64() * 1e6;
    if us < 1_000.0 {
        format!("{us:.0} µs")
    } else if us < 1_000_000.0 {
        format!("{:.2} ms", us / 1e3)
    } else {
        format!("{:.2} s", us / 1e6)
    }
}

pub fn ratio(a: Duration, b: Duration) -> String {
    if b.is_zero() {
        return "-".into();
    }
    format!("{:.1}×", a.as_secs_f64() / b.as_secs_f64())
}

/// A plain-text table with a header row, columns padded to their widest cell; also valid
/// Markdown, so the output can be pasted into BENCHMARKS.md.
pub struct Table {
    pub title: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new(title: &str, header: &[&str]) -> Self {
        Table {
            title: title.into(),
            header: header.iter().map(|s| s.to_string()).collect(),
            rows: Vec::new(),
        }
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    pub fn print(&self) {
        if self.rows.is_empty() {
            return;
        }
        let cols = self.header.len();
        let mut width = vec![0; cols];
        for r in std::iter::once(&self.header).chain(&self.rows) {
            for (i, c) in r.iter().enumerate().take(cols) {
                width[i] = width[i].max(c.chars().count());
            }
        }
        let line = |r: &Vec<String>| {
            let cells: Vec<String> = (0..cols)
                .map(|i| {
                    let c = r.get(i).map_or("", String::as_str);
                    format!("{c}{}", " ".repeat(width[i] - c.chars().count()))
                })
                .collect();
            format!("| {} |", cells.join(" | "))
        };
        println!("\n### {}\n", self.title);
        println!("{}", line(&self.header));
        let rule: Vec<String> = width.iter().map(|w| "-".repeat(*w)).collect();
        println!("|-{}-|", rule.join("-|-"));
        for r in &self.rows {
            println!("{}", line(r));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentiles() {
        let s: Vec<Duration> = (1..=200).map(Duration::from_micros).collect();
        let sum = summarize(&s).unwrap();
        assert_eq!(sum.p50, Duration::from_micros(100));
        assert_eq!(sum.p99, Duration::from_micros(198));
        assert_eq!(sum.max, Duration::from_micros(200));
        assert!(summarize(&[]).is_none());
        assert_eq!(fmt(Duration::from_micros(1500)), "1.50 ms");
    }
}
