// Loaded into the server with `--import` (bench/pages.ts, BENCH_PROFILE=dir): samples the CPU from
// start to exit and writes a .cpuprofile into CPU_PROFILE_DIR (open it in Chrome DevTools).
// `node --cpu-prof` would do the same, but NODE_OPTIONS may not carry it.
import fs from "node:fs";
import inspector from "node:inspector";
import path from "node:path";

const dir = process.env.CPU_PROFILE_DIR;
if (dir) {
  const session = new inspector.Session();
  session.connect();
  session.post("Profiler.enable");
  session.post("Profiler.setSamplingInterval", { interval: 200 });
  session.post("Profiler.start");
  // An in-process session answers synchronously, so this still runs inside the exit handler.
  process.on("exit", () => {
    session.post("Profiler.stop", (error, result) => {
      if (error) return;
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `server-${process.pid}.cpuprofile`);
      fs.writeFileSync(file, JSON.stringify(result.profile));
    });
  });
}
