package dev.idcred.launcher.benchmarks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** What the hardware does without the service: the floors every figure of the suite is compared with. */
final class Baselines {

    private Baselines() {
    }

    /**
     * Signs access-token-shaped JWTs (the claims the service puts in one) with {@code algorithm} on {@code threads}
     * threads for {@code length}: signatures per second, the most a token endpoint could issue on these cores.
     */
    static double signingLoop(String algorithm, int threads, Duration length) throws Exception {
        JWSAlgorithm jws = JWSAlgorithm.parse(algorithm);
        JWSSigner signer = JWSAlgorithm.Family.EC.contains(jws)
                ? new ECDSASigner(new ECKeyGenerator(Curve.P_256).generate())
                : new RSASSASigner(new RSAKeyGenerator(2048).generate());
        Callable<Boolean> sign = () -> {
            Instant now = Instant.now();
            JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("http://localhost").subject("client")
                    .jwtID(UUID.randomUUID().toString()).issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plusSeconds(600))).claim("scope", List.of("idn:identities:read"))
                    .build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(jws).keyID("k").build(), claims);
            try {
                jwt.sign(signer);
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return jwt.serialize().length() > 0;
        };
        acrossThreads(threads, length.dividedBy(2), sign); // warm-up: the service under test had its own
        return acrossThreads(threads, length, sign);
    }

    /**
     * One-row inserts, each its own transaction, into a scratch table of the service's own PostgreSQL from
     * {@code connections} connections for {@code length}: rows per second, the floor under any create.
     */
    static double jdbcInserts(String jdbcUrl, int connections, Duration length) throws Exception {
        try (Connection setup = DriverManager.getConnection(jdbcUrl); Statement statement = setup.createStatement()) {
            statement.execute("create table if not exists benchmark_baseline (id varchar(36) primary key, "
                    + "payload text not null, created timestamptz not null default now())");
        }
        List<Connection> opened = new ArrayList<>();
        try {
            ThreadLocal<PreparedStatement> insert = ThreadLocal.withInitial(() -> {
                try {
                    Connection connection = DriverManager.getConnection(jdbcUrl);
                    synchronized (opened) {
                        opened.add(connection);
                    }
                    return connection.prepareStatement("insert into benchmark_baseline (id, payload) values (?, ?)");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            return acrossThreads(connections, length, () -> {
                PreparedStatement statement = insert.get();
                statement.setString(1, UUID.randomUUID().toString());
                statement.setString(2, "{\"name\":\"benchmark row\",\"scope\":[\"idn:identities:read\"]}");
                return statement.executeUpdate() == 1;
            });
        } finally {
            for (Connection connection : opened) {
                connection.close();
            }
            try (Connection cleanup = DriverManager.getConnection(jdbcUrl);
                 Statement statement = cleanup.createStatement()) {
                statement.execute("drop table benchmark_baseline");
            }
        }
    }

    /** Runs {@code step} in a loop on each thread for {@code length}: completed steps per second over all threads. */
    private static double acrossThreads(int threads, Duration length, Callable<Boolean> step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long deadline = System.nanoTime() + length.toNanos();
            long started = System.nanoTime();
            List<Future<Long>> counts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                counts.add(pool.submit(() -> {
                    long done = 0;
                    while (System.nanoTime() < deadline) {
                        if (step.call()) {
                            done++;
                        }
                    }
                    return done;
                }));
            }
            long total = 0;
            for (Future<Long> count : counts) {
                total += count.get();
            }
            return total / ((System.nanoTime() - started) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }
}
