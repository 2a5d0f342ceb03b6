package org.fangfei.app.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.fangfei.app.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18: the demo loads while the server already answers, so every page shows how far
 * it got ({@link DemoData#loading()}, the layout's banner), and nothing once it is done.
 */
@IntegrationTest
class DemoDataLoadingTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	ObjectProvider<EventPublicationRegistry> events;

	@Test
	void theBannerSaysHowFarTheDemoGotWhileItLoadsAndDisappearsAfter() {
		String suffix = Long.toString(System.nanoTime());
		List<Optional<String>> seen = new ArrayList<>();
		DemoData[] data = new DemoData[1];
		DemoPart first = part("test.loading-a-" + suffix, 1, () -> seen.add(data[0].loading()));
		DemoPart second = part("test.loading-b-" + suffix, 2, () -> seen.add(data[0].loading()));
		data[0] = new DemoData(List.of(second, first), this.jdbc, this.tx, true, true, this.events);
		assertThat(data[0].loading()).isEmpty();

		List<String> ran = data[0].run(message -> {
		});

		assertThat(ran).containsExactly(first.name(), second.name());
		assertThat(seen).extracting(Optional::orElseThrow)
			.containsExactly("演示县的一年数据正在生成（已完成 0 / 2 部分，约需一分钟），各页面的数字会陆续出现。",
					"演示县的一年数据正在生成（已完成 1 / 2 部分，约需一分钟），各页面的数字会陆续出现。");
		assertThat(data[0].loading()).isEmpty();
	}

	@Test
	void aFailingPartEndsTheBannerToo() {
		String suffix = Long.toString(System.nanoTime());
		DemoData data = new DemoData(List.of(part("test.loading-fails-" + suffix, 1, () -> {
			throw new IllegalStateException("坏了");
		})), this.jdbc, this.tx, true, true, this.events);

		assertThat(data.run(message -> {
		})).isEmpty();
		assertThat(data.loading()).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from demo_part where name = :n")
			.param("n", "test.loading-fails-" + suffix)
			.query(Long.class)
			.single()).as("rolled back, tried again next start").isZero();
	}

	private static DemoPart part(String name, int order, Runnable body) {
		return new DemoPart() {
			@Override
			public String name() {
				return name;
			}

			@Override
			public int order() {
				return order;
			}

			@Override
			public void run() {
				body.run();
			}
		};
	}

}
