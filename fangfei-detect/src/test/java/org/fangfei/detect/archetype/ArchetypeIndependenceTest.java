package org.fangfei.detect.archetype;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The archetype generator was written before the rules were tuned against it and must
 * stay apart from them: neither its sources nor its compiled classes may name the
 * detector's {@code engine} or the other generator's {@code generate} package.
 */
class ArchetypeIndependenceTest {

	private static final Path SOURCES = Path.of("src/main/java/org/fangfei/detect");

	private static final Path CLASSES = Path.of("target/classes/org/fangfei/detect");

	private static final List<String> FORBIDDEN = List.of("org.fangfei.detect.engine", "org.fangfei.detect.generate",
			"org/fangfei/detect/engine", "org/fangfei/detect/generate");

	@Test
	void archetypeSourcesAndClassesNameNeitherEngineNorGenerate() throws IOException {
		assertThat(offenders(SOURCES.resolve("archetype"), ".java")).isEmpty();
		assertThat(offenders(CLASSES.resolve("archetype"), ".class")).isEmpty();
		assertThat(Files.list(CLASSES.resolve("archetype"))).isNotEmpty();
	}

	@Test
	void theCheckFindsAPackageThatDoesUseTheEngine() throws IOException {
		assertThat(offenders(SOURCES.resolve("cli"), ".java")).contains("Main.java", "EvaluateRuns.java");
		assertThat(offenders(CLASSES.resolve("cli"), ".class")).contains("EvaluateRuns.class");
	}

	private static List<String> offenders(Path dir, String suffix) throws IOException {
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.list(dir)) {
			for (Path f : files.filter((p) -> p.toString().endsWith(suffix)).sorted().toList()) {
				String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
				if (FORBIDDEN.stream().anyMatch(text::contains)) {
					found.add(f.getFileName().toString());
				}
			}
		}
		return found;
	}

}
