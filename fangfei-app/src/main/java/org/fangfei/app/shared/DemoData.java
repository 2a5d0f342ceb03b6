package org.fangfei.app.shared;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the {@link DemoPart}s at start, after the administrators exist
 * ({@code FirstStart}, order 100). With {@code fangfei.demo} on, each part that table
 * {@code demo_part} does not list yet runs in its own transaction that also lists it; a
 * second instance starting at the same moment waits on the row and then skips the part. A
 * database first started with {@code fangfei.demo=false} is marked {@value #REAL} and
 * never gets demo data, even if a later start forgets the flag — demo and real data never
 * mix. Progress is logged part by part with its time.
 */
@Component
@Order(110)
public class DemoData implements ApplicationRunner {

	private static final java.time.Duration EVENTS_WAIT = java.time.Duration.ofMinutes(2);

	/** The mark of a database started without the demo. */
	static final String REAL = "(no demo: fangfei.demo=false)";

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final List<DemoPart> parts;

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final boolean enabled;

	private final boolean history;

	/** Parts run and to run while the demo loads; null when nothing is loading. */
	private volatile int[] loading;

	private final ObjectProvider<EventPublicationRegistry> events;

	DemoData(List<DemoPart> parts, JdbcClient jdbc, TransactionTemplate tx,
			@Value("${fangfei.demo:true}") boolean enabled, @Value("${fangfei.demo-history:true}") boolean history,
			ObjectProvider<EventPublicationRegistry> events) {
		this.events = events;
		this.parts = parts.stream().sorted(Comparator.comparingInt(DemoPart::order)).toList();
		this.jdbc = jdbc;
		this.tx = tx;
		this.enabled = enabled;
		this.history = history;
	}

	@Override
	public void run(ApplicationArguments args) {
		run(message -> log.info(message));
	}

	/** Runs the parts not run yet; returns the names of those that ran now. */
	public List<String> run(Consumer<String> progress) {
		Set<String> done = Set.copyOf(this.jdbc.sql("select name from demo_part").query(String.class).list());
		if (done.contains(REAL)) {
			if (this.enabled) {
				log.info("演示数据：本数据库首次启动时关闭了演示数据(fangfei.demo=false)，不再加载");
			}
			return List.of();
		}
		if (!this.enabled) {
			if (done.isEmpty()) {
				this.jdbc.sql("insert into demo_part (name, millis) values (:n, 0) on conflict do nothing")
					.param("n", REAL)
					.update();
			}
			return List.of();
		}
		List<DemoPart> todo = this.parts.stream()
			.filter(p -> !done.contains(p.name()))
			.filter(p -> this.history || !p.history())
			.toList();
		List<String> ran = new java.util.ArrayList<>();
		long all = System.nanoTime();
		int i = 0;
		try {
			for (DemoPart part : todo) {
				this.loading = new int[] { i, todo.size() };
				i++;
				runPart(part, i, todo.size(), ran, progress);
			}
		}
		finally {
			this.loading = null;
		}
		if (!ran.isEmpty()) {
			progress.accept(String.format("演示数据已加载：%d 部分，共 %d ms", ran.size(), (System.nanoTime() - all) / 1_000_000));
		}
		return ran;
	}

	/**
	 * Waits, two minutes at most, until no event publication is still being delivered
	 * (failed ones aside: they wait for their retry and must not stall the start).
	 */
	private void awaitEvents(DemoPart part) {
		EventPublicationRegistry registry = this.events.getIfAvailable();
		if (registry == null) {
			return;
		}
		long deadline = System.nanoTime() + EVENTS_WAIT.toNanos();
		while (registry.findIncompletePublications()
			.stream()
			.anyMatch(p -> p.getStatus() != EventPublication.Status.FAILED)) {
			if (System.nanoTime() > deadline) {
				log.warn("演示数据 {}：等待事件送达超时，照常加载", part.name());
				return;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/**
	 * While the demo county is being loaded (the server already answers): how far it got,
	 * in words for the banner every page shows; empty otherwise.
	 */
	public java.util.Optional<String> loading() {
		int[] now = this.loading;
		return now == null ? java.util.Optional.empty() : java.util.Optional
			.of(String.format("演示县的一年数据正在生成（已完成 %d / %d 部分，约需一分钟），各页面的数字会陆续出现。", now[0], now[1]));
	}

	private void runPart(DemoPart part, int i, int of, List<String> ran, Consumer<String> progress) {
		if (part.awaitsEvents()) {
			awaitEvents(part);
		}
		long start = System.nanoTime();
		boolean loaded;
		try {
			loaded = Boolean.TRUE.equals(this.tx.execute(status -> {
				int claimed = this.jdbc
					.sql("insert into demo_part (name, millis) values (:n, 0) on conflict do nothing")
					.param("n", part.name())
					.update();
				if (claimed == 0) {
					return false;
				}
				part.run();
				this.jdbc.sql("update demo_part set millis = :ms where name = :n")
					.param("ms", (System.nanoTime() - start) / 1_000_000)
					.param("n", part.name())
					.update();
				return true;
			}));
		}
		catch (RuntimeException ex) {
			// demo data never stops the start: the part is tried again next time
			log.error("演示数据 {} 未能加载，下次启动时重试", part.name(), ex);
			return;
		}
		if (loaded) {
			ran.add(part.name());
			progress.accept(
					String.format("演示数据 %d/%d：%s（%d ms）", i, of, part.name(), (System.nanoTime() - start) / 1_000_000));
		}
	}

}
