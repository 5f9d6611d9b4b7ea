package dev.idcred.launcher.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What else the machine did while a figure was measured, so a busy machine is told from a slow service: the load
 * average before and after, the CPU time the hypervisor stole, and the share of the cores spent by processes that are
 * not the benchmark's own (the service, its PostgreSQL, wrk, this JVM). A figure during which others held more than
 * {@link #BUSY_SHARE} of the cores, or steal exceeded {@link #BUSY_STEAL}, is marked as taken on a busy machine.
 * Reads {@code /proc}; elsewhere it reports nothing.
 */
record Machine(double load, long busyTicks, long stealTicks, long totalTicks, long oursTicks) {

    static final double BUSY_SHARE = 0.10;
    static final double BUSY_STEAL = 0.02;
    private static final Path PROC = Path.of("/proc");

    static Machine now() {
        try {
            double load = Double.parseDouble(Files.readString(PROC.resolve("loadavg")).split("\\s+")[0]);
            String[] cpu = Files.readAllLines(PROC.resolve("stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < cpu.length; i++) {
                total += Long.parseLong(cpu[i]);
            }
            long idle = Long.parseLong(cpu[4]) + (cpu.length > 5 ? Long.parseLong(cpu[5]) : 0);
            long steal = cpu.length > 8 ? Long.parseLong(cpu[8]) : 0;
            return new Machine(load, total - idle - steal, steal, total, ticksOfOurs());
        } catch (IOException | RuntimeException e) {
            return new Machine(-1, 0, 0, 0, 0);
        }
    }

    /** The machine's state over the figure that began at {@code before}, ending now. */
    static String since(Machine before) {
        Machine after = now();
        if (before.load() < 0 || after.load() < 0 || after.totalTicks() <= before.totalTicks()) {
            return "";
        }
        double total = after.totalTicks() - before.totalTicks();
        double steal = (after.stealTicks() - before.stealTicks()) / total;
        double others = Math.max(0, (after.busyTicks() - before.busyTicks())
                - (after.oursTicks() - before.oursTicks())) / total;
        boolean busy = others > BUSY_SHARE || steal > BUSY_STEAL;
        return String.format(" {load %.2f -> %.2f, steal %.1f%%, other processes %.0f%% of the cores%s}",
                before.load(), after.load(), steal * 100, others * 100, busy ? ", BUSY MACHINE" : "");
    }

    /** CPU ticks of the benchmark's own processes: this JVM, the service, its PostgreSQL, wrk, nginx. */
    private static long ticksOfOurs() {
        long ticks = 0;
        try (Stream<Path> processes = Files.list(PROC)) {
            for (Path process : (Iterable<Path>) processes::iterator) {
                String name = process.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String command = new String(Files.readAllBytes(process.resolve("cmdline")),
                            StandardCharsets.UTF_8);
                    boolean ours = Long.parseLong(name) == ProcessHandle.current().pid()
                            || command.contains("credential-service") || command.contains("postgres")
                            || command.startsWith("wrk") || command.contains("nginx");
                    if (ours) {
                        String stat = Files.readString(process.resolve("stat"));
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended while it was read
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks;
    }
}
