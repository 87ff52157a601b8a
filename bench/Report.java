import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Writes BENCHMARKS.md from the files that bench/run leaves in its work folder. Run by bench/run as
 * a single-file program: {@code java bench/Report.java WORK_DIR REPORT}.
 *
 * <p>Inputs in WORK_DIR: {@code results.tsv} (one row per scenario), {@code herd.tsv}, {@code
 * memory.tsv}, {@code startup.tsv}, {@code run.tsv} (settings, machine and versions), {@code
 * servers.tsv} (command lines) and {@code nginx.conf}. A missing herd, memory, servers or nginx
 * file leaves its section out. The hand-written findings in bench/FINDINGS.md are appended
 * unchanged.
 */
public class Report {

  private static final double MAX_MISS_P50_ADDED_MS = 1.0;
  private static final double MAX_MISS_P99_ADDED_MS = 3.0;
  private static final double MAX_GATEWAY_P50_ADDED_MS = 1.0;
  private static final double MIN_RATIO_TO_SCG = 1.5;
  private static final double MIN_RATIO_TO_NGINX = 0.6;
  private static final long MAX_RSS_MIB = 512;
  private static final long MAX_READY_MS = 5000;

  /** One scenario's figures, as bench/run wrote them to results.tsv. */
  record Row(
      String id,
      String label,
      long requests,
      long durationMicros,
      long p50Micros,
      long p99Micros,
      long p999Micros,
      long cpuTicks,
      String standinCpuTicks,
      long peakRssMib,
      long upstreamRequests,
      long errors,
      String servers,
      String command) {

    static Row parse(String line) {
      String[] f = line.split("\t", -1);
      return new Row(
          f[0],
          f[1],
          Long.parseLong(f[2]),
          Long.parseLong(f[3]),
          Long.parseLong(f[4]),
          Long.parseLong(f[5]),
          Long.parseLong(f[6]),
          Long.parseLong(f[7]),
          f[8],
          Long.parseLong(f[9]),
          Long.parseLong(f[10]),
          Long.parseLong(f[11]),
          f[12],
          f[13]);
    }

    double throughput() {
      return requests * 1e6 / durationMicros;
    }
  }

  private final Path work;
  private final Map<String, String> run = new LinkedHashMap<>();
  private final Map<String, Row> rows = new LinkedHashMap<>();
  private final StringBuilder out = new StringBuilder();

  /** Clock ticks per second of the CPU times in /proc/PID/stat, from {@code getconf CLK_TCK}. */
  private final double ticksPerSecond;

  Report(Path work) throws IOException {
    this.work = work;
    for (String[] f : table("run.tsv")) {
      run.put(f[0], f.length > 1 ? f[1] : "");
    }
    ticksPerSecond = Double.parseDouble(run.getOrDefault("clock_ticks", "100"));
    for (String line : lines("results.tsv")) {
      Row row = Row.parse(line);
      rows.put(row.id(), row);
    }
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: java bench/Report.java WORK_DIR REPORT_FILE");
      System.exit(2);
    }
    Report report = new Report(Path.of(args[0]));
    Files.writeString(Path.of(args[1]), report.render());
  }

  String render() throws IOException {
    header();
    results();
    warmUps();
    floors();
    herd();
    memory();
    startup();
    commands();
    findings();
    return out.toString();
  }

  private void header() {
    line("# Benchmarks");
    line();
    String note = run.getOrDefault("note", "");
    if (!note.isBlank()) {
      line("> " + note);
      line();
    }
    line(
        "Written by `bench/run` on "
            + run.get("date")
            + " in "
            + run.get("seconds")
            + " s. One command reproduces every table below: `bench/run` (see its header for the"
            + " settings). `bench/jmh/run` runs the JMH microbenchmarks.");
    line();
    line("## Machine, versions and arrangement");
    line();
    line("| | |");
    line("|---|---|");
    for (String key : List.of("cpu", "cpus", "memory", "kernel", "java", "nginx", "wrk")) {
      line("| " + key + " | " + run.getOrDefault(key, "?") + " |");
    }
    line("| load average before / after | " + run.get("load_before") + " / " + run.get("load_after") + " |");
    line();


    line(
        "- Pinning: every server on CPU "
            + run.get("server_cpus")
            + " and wrk on CPU "
            + run.get("client_cpus")
            + " (`taskset -c`), the same for every scenario. wrk runs one thread with "
            + run.get("connections")
            + " connections.");
    line(
        "- Each scenario: unmeasured warm-up runs of "
            + run.get("warmup")
            + " s each, until "
            + ("2".equals(run.get("warmup_settled_runs")) ? "two runs in a row are each" : "one run's throughput is")
            + " within "
            + run.getOrDefault("warmup_tolerance", "?")
            + "% of the run before or "
            + run.getOrDefault("warmup_max", "?")
            + " s have passed (table below), then a "
            + run.get("duration")
            + " s measured run. Latencies are wrk's, from the request being sent to the"
            + " response being read.");
    line(
        "- Upstream data: every scenario reads customer 1001 of the stand-in's EU instance, a"
            + " JSON body of "
            + run.get("body_bytes")
            + " bytes; scenario 5 also updates it.");
    line("- JVM options of every Java server: `" + run.get("java_opts") + "`.");
    line(
        "- nginx: one worker, `proxy_cache` with `proxy_cache_valid 200 "
            + run.get("cache_ttl_seconds")
            + "s` and"
            + " `proxy_cache_lock on`, 64 keep-alive connections to the stand-in, access log off."
            + " The Spring Cloud Gateway peer (bench/scg-peer): one route with"
            + " `LocalResponseCache="
            + run.get("cache_ttl_seconds")
            + "s,512MB`. Both add the provider key, so callers send none."
            + " The facade: `facade.cache.ttl` "
            + run.get("cache_ttl_seconds")
            + " s and `maximum-weight` 256MB (room for the"
            + " memory run). The gateway: its defaults, access log included, with the rate limit"
            + " raised out of the way.");
    line(
        "- CPU is user plus system time from /proc/PID/stat of the servers under test during the"
            + " measured run; peak RSS is their VmHWM, reset before the run through"
            + " /proc/PID/clear_refs. Errors are wrk's socket errors plus responses with a status of 400 or more.");
    line();
  }

  private void results() {
    Row nginx = rows.get("6");
    Row scg = rows.get("7");
    line("## Results");
    line();
    line(
        "| # | scenario | req/s | × nginx (6) | × SCG (7) | p50 ms | p99 ms | p99.9 ms | CPU s |"
            + " CPU µs/req | stand-in CPU s | peak RSS MiB | upstream requests | errors |");
    line("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
    for (Row row : rows.values()) {
      double cpuSeconds = row.cpuTicks() / ticksPerSecond;
      String standinCpu =
          row.standinCpuTicks().equals("-")
              ? "—"
              : fixed(Long.parseLong(row.standinCpuTicks()) / ticksPerSecond, 1);
      line(
          "| "
              + row.id()
              + " | "
              + row.label()
              + " ("
              + row.servers()
              + ") | "
              + fixed(row.throughput(), 0)
              + " | "
              + ratio(row, nginx)
              + " | "
              + ratio(row, scg)
              + " | "
              + millis(row.p50Micros())
              + " | "
              + millis(row.p99Micros())
              + " | "
              + millis(row.p999Micros())
              + " | "
              + fixed(cpuSeconds, 1)
              + " | "
              + fixed(cpuSeconds * 1e6 / Math.max(1, row.requests()), 0)
              + " | "
              + standinCpu
              + " | "
              + row.peakRssMib()
              + " | "
              + row.upstreamRequests()
              + " | "
              + row.errors()
              + " |");
    }
    line();
    line(
        "Rows 1h and 3h pace each connection (a fixed pause between a response and its next"
            + " request) so that the offered rate is about half of row 1's maximum; they compare"
            + " the miss path with the direct call at the same load. Rows 2h and 4h do the same at"
            + " half of row 4's maximum and compare the cache hit with and without the gateway"
            + " hop: at full load a closed loop's p50 is the number of connections divided by the"
            + " throughput, so rows 2 and 4 show the throughput difference rather than the hop.");
    line();
  }

  private void floors() {
    line("## Floors");
    line();
    line("| floor | measured | met |");
    line("|---|---|---|");
    Row hit = rows.get("2");
    Row nginx = rows.get("6");
    Row scg = rows.get("7");

    if (hit != null && scg != null) {
      double ratio = hit.throughput() / scg.throughput();
      floor("cache hit ≥ 1.5 × SCG LocalResponseCache", "× " + fixed(ratio, 2), ratio >= MIN_RATIO_TO_SCG);
    }
    if (hit != null && nginx != null) {
      double ratio = hit.throughput() / nginx.throughput();
      floor("cache hit ≥ 0.6 × nginx proxy_cache", "× " + fixed(ratio, 2), ratio >= MIN_RATIO_TO_NGINX);
    }

    Row direct = rows.get("1h");
    Row miss = rows.get("3h");
    if (direct != null && miss != null) {
      double p50 = (miss.p50Micros() - direct.p50Micros()) / 1000.0;
      double p99 = (miss.p99Micros() - direct.p99Micros()) / 1000.0;
      String rates =
          " (at " + fixed(miss.throughput(), 0) + " and " + fixed(direct.throughput(), 0) + " req/s)";
      floor("miss adds ≤ 1 ms at p50 (3h − 1h)", "+" + fixed(p50, 2) + " ms" + rates, p50 <= MAX_MISS_P50_ADDED_MS);
      floor("miss adds ≤ 3 ms at p99 (3h − 1h)", "+" + fixed(p99, 2) + " ms", p99 <= MAX_MISS_P99_ADDED_MS);
    }
    Row pacedHit = rows.get("2h");
    Row pacedGateway = rows.get("4h");
    if (pacedHit != null && pacedGateway != null) {
      double p50 = (pacedGateway.p50Micros() - pacedHit.p50Micros()) / 1000.0;
      String rates =
          " (at " + fixed(pacedGateway.throughput(), 0) + " and " + fixed(pacedHit.throughput(), 0) + " req/s)";
      floor("gateway hop adds ≤ 1 ms at p50 (4h − 2h)", "+" + fixed(p50, 2) + " ms" + rates,
          p50 <= MAX_GATEWAY_P50_ADDED_MS);
    }

    long maxRss = memoryRows().stream().mapToLong(f -> Long.parseLong(f[2])).max().orElse(-1);
    if (maxRss >= 0) {
      floor("≤ 512 MB RSS per JVM with " + run.get("customers") + " cached customers",
          "largest peak " + maxRss + " MiB", maxRss <= MAX_RSS_MIB);
    }
    List<String> ours = List.of("standin", "facade", "gateway");
    String launch = run.getOrDefault("launch", "jar");
    Map<String, List<Long>> alone = startupsAlone(launch, allCpus());
    if (!alone.isEmpty()) {
      long slowest =
          ours.stream().filter(alone::containsKey).mapToLong(name -> median(alone.get(name))).max().orElse(-1);
      floor("each application ready within 5 s (alone, " + launch + " launch, every CPU, median)",
          "slowest " + seconds(slowest) + " s", slowest >= 0 && slowest <= MAX_READY_MS);
    } else {
      long slowest = startupRows().stream().mapToLong(f -> Long.parseLong(f[1])).max().orElse(-1);
      floor("each application ready within 5 s", "slowest " + seconds(slowest) + " s", slowest <= MAX_READY_MS);
    }
    long errors = rows.values().stream().mapToLong(Row::errors).sum();
    floor("zero errors in every scenario", errors + " errors", errors == 0);
    Optional<String[]> herd = herdRows().stream().filter(f -> f[0].equals("facade")).findFirst();
    herd.ifPresent(
        f -> floor("one upstream request when a hot entry expires", "upstream requests: " + f[1], f[1].equals("1")));
    line();
  }

  private void herd() {
    List<String[]> herd = herdRows();
    if (herd.isEmpty()) {
      return;
    }
    line("## Thundering herd");
    line();
    line(
        "Upstream requests counted by the stand-in while "
            + run.get("connections")
            + " connections keep reading one cached customer across the moment its entry expires."
            + " The herd instances cache for "
            + run.get("herd_ttl")
            + " s; the entry is cached by one request, then wrk reads it for the TTL plus 2 s,"
            + " so the window holds exactly one expiry. The stand-in adds "
            + run.get("herd_latency_ms")
            + " ms to every call meanwhile, as a real provider would, so that requests arrive"
            + " while the refresh is in flight.");
    line();
    line("| target | upstream requests | requests served | errors |");
    line("|---|--:|--:|--:|");
    for (String[] f : herd) {
      line("| " + herdLabel(f[0]) + " | " + f[1] + " | " + f[2] + " | " + f[3] + " |");
    }
    line();
  }

  private static String herdLabel(String target) {
    return switch (target) {
      case "facade" -> "facade, refresh-ahead off";
      case "facade-refresh-ahead" ->
          "facade, refresh-ahead on (each request counted is a background refresh before expiry)";
      case "nginx" -> "nginx `proxy_cache_lock on`";
      case "scg" -> "Spring Cloud Gateway LocalResponseCache";
      default -> target;
    };
  }

  private void memory() {
    List<String[]> memory = memoryRows();
    if (memory.isEmpty()) {
      return;
    }
    line("## Memory with " + run.get("customers") + " cached customers");
    line();
    line(
        "The customers are created in the stand-in, then each is read once through the gateway"
            + " (filling the facade's cache) and once through the Spring Cloud Gateway peer"
            + " (filling its cache).");
    line();
    line("| JVM | RSS MiB | peak RSS MiB |");
    line("|---|--:|--:|");
    for (String[] f : memory) {
      line("| " + f[0] + " | " + f[1] + " | " + f[2] + " |");
    }
    line();
    for (String[] f : table("memory.tsv")) {
      if (f[0].equals("check")) {
        line(
            "Afterwards the facade answered the first and the last of them with `X-Cache: "
                + f[1]
                + "` and `X-Cache: "
                + f[2]
                + "`.");
        line();
      }
    }
  }

  private void warmUps() {
    List<String[]> rounds = table("warmup.tsv");
    if (rounds.isEmpty()) {
      return;
    }
    line("### Warm-up before each measured run");
    line();
    line(
        "Throughput of each unmeasured warm-up run, in requests/s. A scenario that used every"
            + " round without settling is measured while its JIT is still compiling.");
    line();
    line("| scenario | runs | seconds | requests/s of each run |");
    line("|---|--:|--:|---|");
    for (String[] f : rounds) {
      String rates = String.join(" → ", f.length > 3 ? f[3].split(" ") : new String[0]);
      line("| " + f[0] + " | " + f[1] + " | " + f[2] + " | " + rates + " |");
    }
    line();
  }

  private void startup() {
    line("## Start-up");
    line();
    List<String[]> trials = table("startup-alone.tsv");
    if (!trials.isEmpty()) {
      line(
          "Each application launched alone, with no other server of the harness running ("
              + trials.stream().mapToInt(f -> Integer.parseInt(f[2])).max().orElse(0)
              + " launches of each kind, on the server CPU and on every CPU): time from launching the process to its health endpoint"
              + " answering 2xx, polled every 50 ms. Median, with the fastest and slowest launch in"
              + " brackets. A `jar` launch runs `java -jar`; a `cds` launch runs the extracted jar"
              + " with the class data sharing archive that `scripts/cds-archive` made beforehand.");
      line();
      List<String> cpuLists = List.of(run.get("server_cpus"), allCpus());
      StringBuilder heading = new StringBuilder("| application |");
      StringBuilder rule = new StringBuilder("|---|");
      for (String kind : List.of("jar", "cds")) {
        for (String cpus : cpuLists) {
          heading.append(" ").append(kind).append(", CPUs ").append(cpus).append(", s |");
          rule.append("--:|");
        }
      }
      line(heading.toString());
      line(rule.toString());
      for (String name : List.of("standin", "facade", "gateway", "scg")) {
        StringBuilder row = new StringBuilder("| " + name + " |");
        for (String kind : List.of("jar", "cds")) {
          for (String cpus : cpuLists) {
            row.append(" ").append(spread(startupsAlone(kind, cpus).getOrDefault(name, List.of()))).append(" |");
          }
        }
        line(row.toString());
      }
      line();
    }
    line(
        "In the harness, for the servers the tables above measured: time from launching each server"
            + " to its health endpoint answering 2xx, polled every 50 ms, the servers starting one"
            + " after another on the server CPU while those already up still compile.");
    line();
    line("| application | ready after s |");
    line("|---|--:|");
    for (String[] f : startupRows()) {
      line("| " + f[0] + " | " + seconds(Long.parseLong(f[1])) + " |");
    }
    line();
  }

  private void commands() {
    line("## Commands");
    line();
    line("Each measured run, as bench/run ran it (scripts under bench/wrk; `mixed.lua` and the");
    line("others are appended to `report.lua`, which prints the percentiles):");
    line();
    line("```");
    for (Row row : rows.values()) {
      line("# " + row.id() + " " + row.label());
      line(row.command());
    }
    line("```");
    line();

    List<String[]> servers = table("servers.tsv");
    if (!servers.isEmpty()) {
      line("The servers, each started with `taskset -c " + run.get("server_cpus") + "`:");
      line();
      line("```");
      for (String[] f : servers) {
        line("# " + f[0]);
        line(f[1]);
      }
      line("```");
      line();
    }
    List<String> nginx = lines("nginx.conf");
    if (!nginx.isEmpty()) {
      line("The nginx configuration that bench/run wrote:");
      line();
      line("```nginx");
      nginx.forEach(this::line);
      line("```");
      line();
    }
  }

  private void findings() throws IOException {
    Path findings = Path.of("bench", "FINDINGS.md");
    if (Files.exists(findings)) {
      out.append(Files.readString(findings));
    }
  }

  private List<String[]> herdRows() {
    return table("herd.tsv");
  }

  private List<String[]> memoryRows() {
    return table("memory.tsv").stream().filter(f -> !f[0].equals("check")).toList();
  }

  private String allCpus() {
    return "0-" + (Integer.parseInt(run.get("cpus")) - 1);
  }

  /** Launch times in ms by application, of the start-up trials of one kind on one CPU list. */
  private Map<String, List<Long>> startupsAlone(String launch, String cpus) {
    Map<String, List<Long>> result = new LinkedHashMap<>();
    for (String[] f : table("startup-alone.tsv")) {
      String kind = f.length > 4 ? f[4] : "jar";
      if (f[1].equals(cpus) && kind.equals(launch)) {
        result.computeIfAbsent(f[0], name -> new ArrayList<>()).add(Long.parseLong(f[3]));
      }
    }
    return result;
  }

  private static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  private String spread(List<Long> values) {
    if (values.isEmpty()) {
      return "-";
    }
    long min = values.stream().mapToLong(Long::longValue).min().orElseThrow();
    long max = values.stream().mapToLong(Long::longValue).max().orElseThrow();
    return seconds(median(values)) + " (" + seconds(min) + "–" + seconds(max) + ")";
  }

  private List<String[]> startupRows() {
    return table("startup.tsv");
  }

  private void floor(String floor, String measured, boolean met) {
    line("| " + floor + " | " + measured + " | " + (met ? "yes" : "**no**") + " |");
  }

  private static String ratio(Row row, Row reference) {
    return reference == null ? "—" : fixed(row.throughput() / reference.throughput(), 2);
  }

  private static String millis(long micros) {
    return fixed(micros / 1000.0, 2);
  }

  private static String seconds(long millis) {
    return fixed(millis / 1000.0, 2);
  }

  private static String fixed(double value, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  private List<String> lines(String file) {
    try {
      Path path = work.resolve(file);
      if (!Files.exists(path)) {
        return List.of();
      }
      return Files.readAllLines(path).stream().filter(line -> !line.isBlank()).toList();
    } catch (IOException unreadable) {
      throw new IllegalStateException(
          "failed to read " + work.resolve(file) + "; run bench/run again", unreadable);
    }
  }

  private List<String[]> table(String file) {
    List<String[]> result = new ArrayList<>();
    for (String line : lines(file)) {
      result.add(line.split("\t", -1));
    }
    return result;
  }

  private void line(String text) {
    out.append(text).append('\n');
  }

  private void line() {
    out.append('\n');
  }
}
