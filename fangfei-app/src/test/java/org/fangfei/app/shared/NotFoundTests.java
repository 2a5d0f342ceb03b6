package org.fangfei.app.shared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link NotFound} names the record; it adds "不存在或不在您的管辖范围内" itself, so a caller that
 * writes "案件不存在" shows "案件不存在不存在或不在您的管辖范围内".
 */
class NotFoundTests {

	private static final Pattern CALL = Pattern.compile("new NotFound\\(\"([^\"]*)\"");

	@Test
	void theMessageNamesTheRecordOnce() {
		assertThat(new NotFound("案件").getMessage()).isEqualTo("案件不存在或不在您的管辖范围内");
	}

	@Test
	void noCallerSaysNotFoundItself() throws IOException {
		List<String> doubled;
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			doubled = files.filter(p -> p.toString().endsWith(".java")).flatMap(p -> {
				try {
					Matcher m = CALL.matcher(Files.readString(p));
					return m.results()
						.map(r -> r.group(1))
						.filter(what -> what.contains("不存在") || what.contains("管辖范围"))
						.map(what -> p.getFileName() + ": " + what);
				}
				catch (IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
			}).toList();
		}
		assertThat(doubled).as("NotFound adds 不存在或不在您的管辖范围内 itself").isEmpty();
	}

}
