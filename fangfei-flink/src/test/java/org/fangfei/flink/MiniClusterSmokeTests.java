package org.fangfei.flink;

import java.util.List;

import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class MiniClusterSmokeTests {

	@RegisterExtension
	static final MiniClusterExtension FLINK = new MiniClusterExtension(
			new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1)
				.setNumberSlotsPerTaskManager(2)
				.build());

	@Test
	void runsAJob() throws Exception {
		StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
		env.setParallelism(2);
		List<Long> doubled = env.fromData(1L, 2L, 3L).map((Long x) -> x * 2).executeAndCollect(10);
		assertThat(doubled).containsExactlyInAnyOrder(2L, 4L, 6L);
	}

}
