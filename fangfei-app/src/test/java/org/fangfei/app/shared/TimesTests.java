package org.fangfei.app.shared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 14, item 1: one time-zone rule. Times read from the database in UTC are shown in
 * the county's zone, and no code picks a zone of its own — neither the server's (whatever
 * it is set to) nor a hard-coded one.
 */
class TimesTests {

	private static final Path MAIN = Path.of("src/main/java/org/fangfei/app");

	@Test
	void aMomentReadInUtcIsShownInTheCountysZone() {
		assertThat(Times.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
		OffsetDateTime utc = OffsetDateTime.parse("2026-03-10T23:14:00Z");
		assertThat(Times.local(utc).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-03-11T07:14:00"));
		assertThat(Times.local(utc.toInstant()).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-03-11T07:14"));
		assertThat(Times.atCounty(LocalDateTime.parse("2026-03-11T07:14")).toInstant()).isEqualTo(utc.toInstant());
		assertThat(Times.local((OffsetDateTime) null)).isNull();
	}

	@Test
	void anUnknownZoneIsRefusedByName() {
		assertThatThrownBy(() -> Times.use("Mars/Olympus")).hasMessageContaining("fangfei.time-zone")
			.hasMessageContaining("Mars/Olympus");
		assertThat(Times.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
	}

	@Test
	void noCodeChoosesAZoneOfItsOwn() throws IOException {
		List<String> offenders;
		try (Stream<Path> files = Files.walk(MAIN)) {
			offenders = files.filter(f -> f.toString().endsWith(".java"))
				.filter(f -> !f.endsWith(Path.of("shared/Times.java")))
				.filter(f -> {
					String code = read(f);
					return code.contains("ZoneId.systemDefault()") || code.contains("ZoneId.of(\"")
							|| code.contains("Clock.systemDefaultZone()") || code.contains("TimeZone.setDefault");
				})
				.map(f -> MAIN.relativize(f).toString())
				.toList();
		}
		assertThat(offenders).as("files choosing a zone instead of shared.Times").isEmpty();
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
