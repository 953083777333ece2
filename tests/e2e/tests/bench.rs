//! The window at organisation size (run by tests/e2e/bench.sh on a release
//! build; ignored by `make test`): launch to a drawn table, the memory of the
//! app and its WebKit processes, and an edit's time to its derived cell.

use std::path::Path;
use std::time::{Duration, Instant};

use fantoccini::{Client, Locator};
use opmodel_e2e::{cli, env_path, eventually, start_app_on};

/// The example grown to `n` services over 100 teams and 10 domains, through the CLI's import.
fn workspace(dir: &Path, n: usize) -> std::path::PathBuf {
    let ws = dir.join(format!("bench-{n}.opmodel"));
    let _ = std::fs::remove_file(&ws);
    cli(&ws, &["demo"]);
    if n > 3 {
        let mut csv = String::from("name,kind,team,domain,exposure_per_hour,feature_demand,out_of_hours_incidents_per_year\n");
        let demand = ["Low", "Medium", "High", "Very High"];
        for i in 0..n - 3 {
            let exposure = [2_000, 9_000, 120_000, 300_000, 900_000][i % 5];
            csv += &format!("service-{i:05},digital,team-{:03},domain-{:02},{exposure},{},4\n", i % 100, i % 10, demand[i % 4]);
        }
        let file = dir.join(format!("bench-{n}.csv"));
        std::fs::write(&file, csv).unwrap();
        cli(&ws, &["import", "services", file.to_str().unwrap()]);
    }
    ws
}

/// Proportional set size, in MB, of the app and every process under it (WebKit's web and network processes).
fn pss_mb(app: &Path) -> f64 {
    let mut pids: Vec<u32> = Vec::new();
    let procs: Vec<(u32, u32, String)> = std::fs::read_dir("/proc")
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter_map(|pid| {
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
            let ppid = stat.rsplit(')').next()?.split_whitespace().nth(1)?.parse().ok()?;
            let exe = std::fs::read_link(format!("/proc/{pid}/exe")).map(|p| p.display().to_string()).unwrap_or_default();
            Some((pid, ppid, exe))
        })
        .collect();
    pids.extend(procs.iter().filter(|(_, _, exe)| Path::new(exe) == app).map(|(pid, _, _)| *pid));
    let mut i = 0;
    while i < pids.len() {
        let parent = pids[i];
        pids.extend(procs.iter().filter(|(_, ppid, _)| *ppid == parent).map(|(pid, _, _)| *pid));
        i += 1;
    }
    let kb: u64 = pids
        .iter()
        .filter_map(|pid| std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).ok())
        .filter_map(|s| s.lines().find(|l| l.starts_with("Pss:"))?.split_whitespace().nth(1)?.parse::<u64>().ok())
        .sum();
    kb as f64 / 1024.0
}

/// Types an exposure into bedroom's row and times, inside the page, until its derived target cell changes.
async fn edit_ms(c: &Client, value: &str) -> f64 {
    let script = r##"
        const [value, done] = arguments;
        const input = document.querySelector("#services tr[data-service='bedroom'] [data-input=exposure_per_hour]");
        const cell = document.querySelector("#services tr[data-service='bedroom'] td[data-col=availability_target]");
        const before = cell.textContent;
        const t0 = performance.now();
        const seen = new MutationObserver(() => {
            if (cell.textContent !== before) { seen.disconnect(); done(performance.now() - t0); }
        });
        seen.observe(cell, { subtree: true, childList: true, characterData: true });
        input.focus();
        input.value = value;
        input.dispatchEvent(new Event('change', { bubbles: true }));
    "##;
    c.execute_async(script, vec![value.into()]).await.expect("the edit reaches its cell").as_f64().unwrap()
}

#[tokio::test(flavor = "current_thread")]
#[ignore = "a benchmark: tests/e2e/bench.sh runs it on a release build"]
async fn the_window_at_3_1000_and_10000_services() {
    let dir = std::env::temp_dir().join(format!("opmodel-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let app = env_path("OPMODEL_APP");
    let mut table = vec!["| services | launch to a drawn table | PSS after start | first edit → derived cell | later edits (median, max of 9) |".to_string(), "| ---: | ---: | ---: | ---: | ---: |".to_string()];
    for n in [3, 1_000, 10_000] {
        let ws = workspace(&dir, n);
        let started = Instant::now();
        let c = start_app_on(Some(&ws)).await;
        eventually("a drawn table", || async { c.find(Locator::Css("#services tr[data-service='bedroom'] td[data-col=availability_target]")).await.ok() }).await;
        let launch = started.elapsed();
        tokio::time::sleep(Duration::from_secs(2)).await;
        let pss = pss_mb(&app);
        let first = edit_ms(&c, "900000").await;
        let mut later = Vec::new();
        for k in 0..9 {
            later.push(edit_ms(&c, if k % 2 == 0 { "200000" } else { "900000" }).await);
        }
        later.sort_by(f64::total_cmp);
        c.close().await.unwrap();
        let row = format!("| {n} | {:.2} s | {pss:.0} MB | {first:.0} ms | {:.0} ms, {:.0} ms |", launch.as_secs_f64(), later[4], later[8]);
        eprintln!("{row}");
        table.push(row);
    }
    println!("\n{}\n", table.join("\n"));
}
