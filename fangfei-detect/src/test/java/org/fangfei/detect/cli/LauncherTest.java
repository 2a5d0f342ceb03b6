package org.fangfei.detect.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The launcher the build puts next to the jar ({@code src/main/sh/fangfei-detect}): run
 * with {@code sh} against a jar of the compiled classes in a directory of its own, as in
 * {@code target/}. Skipped where there is no {@code sh}.
 */
class LauncherTest {

	@TempDir
	Path dir;

	private Path launcher;

	private Path in;

	@BeforeEach
	void install() throws Exception {
		assumeTrue(Stream.of(System.getenv("PATH").split(java.io.File.pathSeparator))
			.anyMatch((d) -> Files.isExecutable(Path.of(d, "sh"))), "no sh on the PATH");
		Path bin = Files.createDirectory(this.dir.resolve("bin"));
		this.launcher = Files.copy(Path.of(System.getProperty("basedir", "."), "src/main/sh/fangfei-detect"),
				bin.resolve("fangfei-detect"));
		jar(Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI()),
				bin.resolve("fangfei-detect.jar"));
		this.in = this.dir.resolve("transfers.csv");
		PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
		assertThat(
				Main.run(
						new String[] { "generate", "--accounts", "2000", "--days", "120", "--seed", "5", "--out",
								this.in.toString(), "--truth", this.dir.resolve("truth.csv").toString() },
						quiet, quiet))
			.isZero();
	}

	@Test
	void scanWritesTheAlertsOfTheJarWithTheScanSettings() throws Exception {
		Path expected = this.dir.resolve("expected.csv");
		PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
		assertThat(Main.run(new String[] { "scan", "--in", this.in.toString(), "--out", expected.toString() }, quiet,
				quiet))
			.isZero();
		Path alerts = this.dir.resolve("alerts.csv");
		Run r = launch("-XX:+PrintCommandLineFlags", "scan", "--in", this.in.toString(), "--out", alerts.toString());
		assertThat(r.exit).as(r.err).isZero();
		assertThat(r.err).isEmpty();
		assertThat(r.out).contains("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC", "transfers read: ");
		assertThat(Files.mismatch(alerts, expected)).isEqualTo(-1L);
	}

	@Test
	void otherCommandsKeepTheJvmDefaults() throws Exception {
		Run r = launch("-XX:+PrintCommandLineFlags", "generate");
		assertThat(r.exit).isEqualTo(2);
		assertThat(r.err).contains("missing --accounts");
		assertThat(r.out).doesNotContain("TieredStopAtLevel", "UseParallelGC");
	}

	@Test
	void usesTheClassDataArchiveMadeForTheJar() throws Exception {
		Path archive = this.launcher.resolveSibling("fangfei-detect.jsa");
		Process dump = new ProcessBuilder(java(), "-XX:ArchiveClassesAtExit=" + archive, "-jar",
				this.launcher.resolveSibling("fangfei-detect.jar").toString(), "scan", "--in", this.in.toString(),
				"--out", this.dir.resolve("training.csv").toString())
			.redirectErrorStream(true)
			.redirectOutput(this.dir.resolve("dump.log").toFile())
			.start();
		assertThat(dump.waitFor()).isZero();
		assumeTrue(Files.isRegularFile(archive), "this JDK made no archive");
		Run r = launch("-Xlog:class+load=info", "scan", "--in", this.in.toString(), "--out",
				this.dir.resolve("alerts.csv").toString());
		assertThat(r.exit).as(r.err).isZero();
		assertThat(r.out).contains("org.fangfei.detect.engine.Scan source: shared objects file (top)");
	}

	@Test
	void anArchiveThatDoesNotFitIsSkippedWithoutAWord() throws Exception {
		Files.write(this.launcher.resolveSibling("fangfei-detect.jsa"), new byte[4096]);
		Path alerts = this.dir.resolve("alerts.csv");
		Run r = launch("", "scan", "--in", this.in.toString(), "--out", alerts.toString());
		assertThat(r.exit).as(r.err).isZero();
		assertThat(r.err).isEmpty();
		assertThat(r.out).startsWith("transfers read: ").doesNotContain("cds", "archive");
		assertThat(alerts).exists();
	}

	private record Run(int exit, String out, String err) {
	}

	private Run launch(String javaOpts, String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("sh", this.launcher.toString()));
		command.addAll(List.of(args));
		ProcessBuilder pb = new ProcessBuilder(command);
		pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
		pb.environment().put("FANGFEI_JAVA_OPTS", javaOpts);
		Path out = this.dir.resolve("out.txt");
		Path err = this.dir.resolve("err.txt");
		Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
		int exit = p.waitFor();
		return new Run(exit, Files.readString(out), Files.readString(err));
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/** A runnable jar of the compiled classes, as the build makes it. */
	private static void jar(Path classes, Path jar) throws IOException {
		Manifest m = new Manifest();
		m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Main.class.getName());
		try (JarOutputStream j = new JarOutputStream(Files.newOutputStream(jar), m);
				Stream<Path> files = Files.walk(classes)) {
			for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
				j.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
				Files.copy(f, j);
				j.closeEntry();
			}
		}
	}

}
