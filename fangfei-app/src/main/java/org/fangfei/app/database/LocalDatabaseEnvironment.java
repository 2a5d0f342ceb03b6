package org.fangfei.app.database;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.fangfei.app.shared.OwnerOnly;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes one command enough on a fresh machine. Before any bean exists it
 * <ol>
 * <li>reads (or creates once) {@code <data-dir>/secrets.properties} with random
 * field-encryption keys and the embedded database's passwords (the superuser's and the
 * application role's), used only where configuration does not set them; the data
 * directory and that file are readable by their owner alone;</li>
 * <li>when no {@code spring.datasource.url} is configured, starts the embedded PostgreSQL
 * with its data under {@code <data-dir>/pg} and points the application and Flyway at it:
 * Flyway as the owner, the application as the role {@code fangfei_app} that may only
 * append to the audit log.</li>
 * </ol>
 * Configured values always win, so an external PostgreSQL and keys from a vault need no
 * code change.
 */
class LocalDatabaseEnvironment implements EnvironmentPostProcessor, Ordered {

	static final String APP_ROLE = "fangfei_app";

	private final Log log;

	LocalDatabaseEnvironment(DeferredLogFactory logs) {
		this.log = logs.getLog(LocalDatabaseEnvironment.class);
	}

	private static final String DATABASE = "fangfei";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
		Path dataDir = Path.of(env.getProperty("fangfei.data-dir", "data")).toAbsolutePath().normalize();
		if (env.getProperty("fangfei.data-dir-fresh", Boolean.class, false)) {
			FreshDirectories.deleteOnceInThisJvm(dataDir);
		}
		Properties secrets = secrets(dataDir.resolve("secrets.properties"));
		OwnerOnly.restrict(dataDir);
		Map<String, Object> defaults = new HashMap<>();
		defaults.put("fangfei.crypto.sm4-key", secrets.getProperty("crypto.sm4-key"));
		defaults.put("fangfei.crypto.index-key", secrets.getProperty("crypto.index-key"));
		if (!env.containsProperty("spring.datasource.url")) {
			int port = env.getProperty("fangfei.embedded-db.port", Integer.class, 54329);
			boolean durable = env.getProperty("fangfei.embedded-db.durable", Boolean.class, true);
			String ownerPassword = secrets.getProperty("db.owner-password");
			EmbeddedDatabase db = EmbeddedDatabase.start(dataDir.resolve("pg"), port, durable, ownerPassword, this.log);
			String password = secrets.getProperty("db.app-password");
			db.prepare(DATABASE, APP_ROLE, password);
			db.acquire();
			// released as the context's last disposable bean, after the connection pool
			// has closed
			application.addInitializers(context -> {
				if (context.getBeanFactory() instanceof DefaultListableBeanFactory factory) {
					factory.registerDisposableBean("embeddedDatabaseRelease", db::release);
				}
			});
			String url = db.jdbcUrl(DATABASE).replaceFirst("\\?.*$", "");
			defaults.put("spring.datasource.url", url);
			defaults.put("spring.datasource.username", APP_ROLE);
			defaults.put("spring.datasource.password", password);
			defaults.put("spring.flyway.url", url);
			defaults.put("spring.flyway.user", EmbeddedDatabase.OWNER);
			defaults.put("spring.flyway.password", ownerPassword);
		}
		env.getPropertySources().addLast(new MapPropertySource("fangfeiLocalDefaults", defaults));
	}

	private static Properties secrets(Path file) {
		Properties p = new Properties();
		try {
			if (Files.exists(file)) {
				try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
					p.load(r);
				}
			}
			boolean changed = putIfAbsent(p, "crypto.sm4-key", 16) | putIfAbsent(p, "crypto.index-key", 32)
					| putIfAbsent(p, "db.app-password", 24) | putIfAbsent(p, "db.owner-password", 24);
			if (changed) {
				Files.createDirectories(file.getParent());
				try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
					p.store(w, "Fangfei local secrets: keep out of backups of the database; see docs/operations.md");
				}
				OwnerOnly.restrict(file);
			}
			return p;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read or create " + file, ex);
		}
	}

	private static boolean putIfAbsent(Properties p, String key, int bytes) {
		if (p.getProperty(key) != null) {
			return false;
		}
		byte[] random = new byte[bytes];
		new SecureRandom().nextBytes(random);
		p.setProperty(key, HexFormat.of().formatHex(random));
		return true;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	/** Test support: a data directory that starts empty once per JVM. */
	static final class FreshDirectories {

		private static final java.util.Set<Path> DONE = java.util.concurrent.ConcurrentHashMap.newKeySet();

		static void deleteOnceInThisJvm(Path dir) {
			if (!DONE.add(dir) || !Files.exists(dir)) {
				return;
			}
			try (Stream<Path> paths = Files.walk(dir)) {
				paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
