//! `cargo xtask nginx`: serves a built bundle with nginx on loopback using the documented config
//! (`web/nginx/microlearn.conf`), so the tests prove that config works as docs/deploy.md says.

use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{project_root, tools};

/// The documented configuration, as a trust would copy it.
pub fn documented_config() -> Result<String> {
    let path = project_root().join("web/nginx/microlearn.conf");
    std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))
}

/// The test copy: the documented file with only the port, the root and the embedding origins
/// changed. Any other difference would mean the tests no longer check what the docs say.
pub fn test_copy(
    documented: &str,
    port: u16,
    root: &Path,
    frame_ancestors: &str,
) -> Result<String> {
    let replacements = [
        (
            "    listen 80;\n",
            format!("    listen 127.0.0.1:{port};\n"),
        ),
        (
            "    root /var/www/microlearn;\n",
            format!("    root {};\n", root.display()),
        ),
        (
            "frame-ancestors 'self'\" always;",
            format!("frame-ancestors {frame_ancestors}\" always;"),
        ),
    ];
    let mut config = documented.to_string();
    for (from, to) in replacements {
        if !config.contains(from) {
            bail!(
                "web/nginx/microlearn.conf no longer contains `{}`",
                from.trim()
            );
        }
        config = config.replacen(from, &to, 1);
    }
    Ok(config)
}

/// The main nginx.conf around the site file: everything under `prefix`, no logs outside it. The
/// workers run as root (this is a loopback test server) so they can read bundles in any folder.
fn main_config(prefix: &Path) -> String {
    let p = prefix.display();
    format!(
        "user root;\nworker_processes 1;\npid {p}/nginx.pid;\nerror_log {p}/error.log warn;\n\
         events {{ worker_connections 64; }}\n\
         http {{\n    include /etc/nginx/mime.types;\n    default_type application/octet-stream;\n\
         \x20   access_log off;\n    client_body_temp_path {p}/body;\n    proxy_temp_path {p}/proxy;\n\
         \x20   fastcgi_temp_path {p}/fastcgi;\n    uwsgi_temp_path {p}/uwsgi;\n    scgi_temp_path {p}/scgi;\n\
         \x20   include {p}/microlearn.conf;\n}}\n"
    )
}

/// Installs nginx from Debian's packages unless it is already there.
pub fn ensure_nginx() -> Result<()> {
    if Path::new("/usr/sbin/nginx").exists() {
        return Ok(());
    }
    eprintln!("xtask: installing nginx from Debian packages");
    tools::run(Command::new("apt-get").arg("update"))?;
    tools::run(
        Command::new("apt-get")
            .args(["install", "-y", "--no-install-recommends", "nginx"])
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )
}

/// `cargo xtask nginx [--dist DIR] [--port N] [--frame-ancestors SOURCES]`: writes the test copy
/// under target/ and replaces this process with nginx in the foreground, so stopping the process
/// stops nginx.
pub fn run(args: &[String]) -> Result<()> {
    ensure_nginx()?;
    let dist = crate::flag_value(args, "--dist")
        .map(PathBuf::from)
        .unwrap_or_else(|| project_root().join("dist"));
    // Absolute but not canonical: a symlinked folder is followed on every request, so a test (or
    // a deployment) can switch it to another bundle while nginx runs.
    let dist = std::path::absolute(&dist)?;
    if !dist.join("index.html").exists() && !dist.is_dir() {
        bail!("no bundle at {}", dist.display());
    }
    let port: u16 = crate::flag_value(args, "--port")
        .unwrap_or("8094")
        .parse()?;
    let ancestors = crate::flag_value(args, "--frame-ancestors").unwrap_or("'self'");
    let prefix = project_root().join(format!("target/nginx-{port}"));
    std::fs::create_dir_all(&prefix)?;
    std::fs::write(
        prefix.join("microlearn.conf"),
        test_copy(&documented_config()?, port, &dist, ancestors)?,
    )?;
    let main = prefix.join("nginx.conf");
    std::fs::write(&main, main_config(&prefix))?;
    tools::run(
        Command::new("/usr/sbin/nginx")
            .arg("-t")
            .arg("-q")
            .arg("-p")
            .arg(&prefix)
            .arg("-c")
            .arg(&main),
    )?;
    println!(
        "nginx is serving {} at http://127.0.0.1:{port}/",
        dist.display()
    );
    exec_nginx(&prefix, &main)
}

#[cfg(unix)]
fn exec_nginx(prefix: &Path, main: &Path) -> Result<()> {
    use std::os::unix::process::CommandExt;
    let error = Command::new("/usr/sbin/nginx")
        .arg("-p")
        .arg(prefix)
        .arg("-c")
        .arg(main)
        .args(["-g", "daemon off;"])
        .exec();
    Err(error).context("starting nginx")
}

#[cfg(not(unix))]
fn exec_nginx(_prefix: &Path, _main: &Path) -> Result<()> {
    bail!("the nginx test server runs on Debian only")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::serve;

    #[test]
    fn the_test_copy_changes_only_port_root_and_embedding() {
        let documented = documented_config().unwrap();
        let copy = test_copy(
            &documented,
            8099,
            Path::new("/tmp/bundle"),
            "'self' http://127.0.0.1:8100",
        )
        .unwrap();
        assert!(copy.contains("listen 127.0.0.1:8099;"));
        assert!(copy.contains("root /tmp/bundle;"));
        let changed = documented
            .lines()
            .zip(copy.lines())
            .filter(|(a, b)| a != b)
            .count();
        assert_eq!(changed, 3);
        assert_eq!(documented.lines().count(), copy.lines().count());
    }

    #[test]
    fn the_documented_policy_is_the_one_the_app_server_sends() {
        let documented = documented_config().unwrap();
        let policy = serve::content_security_policy("'self'");
        assert!(documented.contains(&format!("Content-Security-Policy \"{policy}\" always;")));
    }
}
