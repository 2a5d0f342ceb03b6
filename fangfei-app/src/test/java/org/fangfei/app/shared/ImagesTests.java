package org.fangfei.app.shared;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.fangfei.app.TestImages;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pictures are decoded a few at a time, so many large uploads together cannot exhaust the
 * heap.
 */
class ImagesTests {

	@Test
	void decodingWaitsWhileEveryPermitIsTaken() throws Exception {
		int permits = Images.DECODING.availablePermits();
		assertThat(permits).isEqualTo(Math.max(1, Runtime.getRuntime().availableProcessors()));
		Images.DECODING.acquireUninterruptibly(permits);
		CompletableFuture<Images.Reencoded> picture;
		try {
			picture = CompletableFuture
				.supplyAsync(() -> Images.reencoded(TestImages.pngBomb(10, 10), 100, Images.MAX_PIXELS, "图片", "files"));
			Thread.sleep(300);
			assertThat(picture).as("waiting for a permit").isNotDone();
		}
		finally {
			Images.DECODING.release(permits);
		}
		assertThat(picture.get(5, TimeUnit.SECONDS).sourcePixels()).isEqualTo(100);
		assertThat(Images.DECODING.availablePermits()).isEqualTo(permits);
	}

}
