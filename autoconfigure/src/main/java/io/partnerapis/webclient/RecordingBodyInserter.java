package io.partnerapis.webclient;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpRequestDecorator;
import org.springframework.web.reactive.function.BodyInserter;

/**
 * Passes a request body through unchanged and notes whether it can be sent again.
 *
 * <p>
 * Spring's message writers write a single value ({@code bodyValue}, form data, an encoded
 * object) as one {@link Mono} of data, and an empty body as {@code setComplete()}; the
 * inserter of such a body produces the same bytes when invoked again. A body written as a
 * {@code Flux} (a stream, a resource, multipart) may be consumed by writing it, so it is
 * not. Nothing is buffered: the body is only observed.
 *
 * @author partner-apis
 */
final class RecordingBodyInserter implements BodyInserter<Object, ClientHttpRequest> {

	private final BodyInserter<?, ? super ClientHttpRequest> delegate;

	private volatile boolean replayable;

	RecordingBodyInserter(BodyInserter<?, ? super ClientHttpRequest> delegate) {
		this.delegate = delegate;
	}

	BodyInserter<?, ? super ClientHttpRequest> delegate() {
		return this.delegate;
	}

	boolean isReplayable() {
		return this.replayable;
	}

	@Override
	public Mono<Void> insert(ClientHttpRequest outputMessage, Context context) {
		return this.delegate.insert(new ClientHttpRequestDecorator(outputMessage) {

			@Override
			public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
				RecordingBodyInserter.this.replayable = body instanceof Mono;
				return super.writeWith(body);
			}

			@Override
			public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
				RecordingBodyInserter.this.replayable = false;
				return super.writeAndFlushWith(body);
			}

			@Override
			public Mono<Void> setComplete() {
				RecordingBodyInserter.this.replayable = true;
				return super.setComplete();
			}

		}, context);
	}

}
