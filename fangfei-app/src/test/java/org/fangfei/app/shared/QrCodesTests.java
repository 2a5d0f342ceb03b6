package org.fangfei.app.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class QrCodesTests {

	@Test
	void aPngOfTheRequestedSizeThatReadsBack() throws Exception {
		byte[] png = QrCodes.png("https://fangfei.example/survey/ABCD2345/620422100001", 300);
		assertThat(FileType.of(png)).isEqualTo(FileType.PNG);
		java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
		assertThat(image.getWidth()).isEqualTo(300);
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		String text = new com.google.zxing.qrcode.QRCodeReader()
			.decode(new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(
					new com.google.zxing.RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))))
			.getText();
		assertThat(text).isEqualTo("https://fangfei.example/survey/ABCD2345/620422100001");
	}

	@Test
	void emptyOrOverlongTextAndOddSizesAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> QrCodes.png("", 300));
		assertThatIllegalArgumentException().isThrownBy(() -> QrCodes.png(null, 300));
		assertThatIllegalArgumentException().isThrownBy(() -> QrCodes.png("x".repeat(501), 300));
		assertThatIllegalArgumentException().isThrownBy(() -> QrCodes.png("x", 10));
		assertThatIllegalArgumentException().isThrownBy(() -> QrCodes.png("x", 5000));
	}

}
