package org.fangfei.detect.engine;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DetectorConfigTest {

	@TempDir
	Path dir;

	@Test
	void defaultsAreTheDocumentedOnes() {
		DetectorConfig c = DetectorConfig.defaults();
		assertThat(c.latenessMillis()).isEqualTo(3_600_000L);
		assertThat(c.get("scatter.minPayers")).isEqualTo("20");
		assertThat(c.get("memo.keywords")).isEqualTo("投资,理财,分红,利息,返利,本金,认购,入股");
		assertThat(c.asMap()).hasSize(DetectorConfig.SETTINGS.size());
	}

	@Test
	void loadKeepsDefaultsForMissingKeys() throws Exception {
		Path p = this.dir.resolve("d.properties");
		Files.writeString(p, "lateness.minutes=5\nmemo.keywords=集资,高息\nsurge.ratio=2.5\n");
		DetectorConfig c = DetectorConfig.load(p);
		assertThat(c.latenessMillis()).isEqualTo(300_000L);
		assertThat(c.surgeRatio).isEqualTo(2.5);
		assertThat(c.keywords.match("高息理财")).isEqualTo(2);
		assertThat(c.scatterMinPayers).isEqualTo(20);
	}

	@Test
	void unknownKeysAndBadValuesAreRefusedByName() throws Exception {
		assertRefused("scatter.minPayer=3\n", "unknown detector setting 'scatter.minPayer'");
		assertRefused("scatter.minPayers=many\n", "detector setting scatter.minPayers = 'many' is not a number");
		assertRefused("scatter.minPayers=2.5\n", "scatter.minPayers = 2.5 must be a whole number");
		assertRefused("scatter.minNewShare=1.5\n", "scatter.minNewShare = 1.5 is outside");
		assertRefused("scatter.windowDays=30\n", "scatter.windowDays = 30 is outside");
		assertRefused("batch.minIntervalDays=40\n", "must not exceed batch.maxIntervalDays");
	}

	private void assertRefused(String text, String message) throws Exception {
		Path p = this.dir.resolve("bad.properties");
		Files.writeString(p, text);
		assertThatThrownBy(() -> DetectorConfig.load(p)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining(message);
	}

	@Test
	void configIsSerializable() throws Exception {
		java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
		try (java.io.ObjectOutputStream o = new java.io.ObjectOutputStream(b)) {
			o.writeObject(DetectorConfig.defaults());
		}
		try (java.io.ObjectInputStream i = new java.io.ObjectInputStream(
				new java.io.ByteArrayInputStream(b.toByteArray()))) {
			DetectorConfig c = (DetectorConfig) i.readObject();
			assertThat(c.asMap()).isEqualTo(DetectorConfig.defaults().asMap());
		}
	}

}
