/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.partnerapis.webclient;

import java.nio.ByteBuffer;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpRequestDecorator;
import org.springframework.web.reactive.function.BodyInserter;

/**
 * Passes a request body through unchanged and keeps a copy of it, so that the request can
 * be sent again with the same bytes after a 401.
 *
 * <p>
 * Spring's message writers write a single value ({@code bodyValue}, form data, an encoded
 * object) as one {@link Mono} of data, and an empty body as {@code setComplete()}. Such a
 * body, up to {@value #MAX_REPLAY_BYTES} bytes, is copied as it is written, with its
 * content type; a replay writes that copy, not the original inserter again, which could
 * read a consumed stream or a released buffer. A body written as a {@code Flux} (a
 * stream, a resource, multipart) or a larger one is not kept and is not replayed.
 */
final class RecordingBodyInserter implements BodyInserter<Object, ClientHttpRequest> {

	static final int MAX_REPLAY_BYTES = 256 * 1024;

	private static final byte[] EMPTY = new byte[0];

	private final BodyInserter<?, ? super ClientHttpRequest> delegate;

	private volatile byte @Nullable [] recorded;

	private volatile @Nullable MediaType contentType;

	RecordingBodyInserter(BodyInserter<?, ? super ClientHttpRequest> delegate) {
		this.delegate = delegate;
	}

	boolean isReplayable() {
		return this.recorded != null;
	}

	/**
	 * Returns an inserter that writes the recorded body again.
	 * @return the inserter
	 */
	BodyInserter<Object, ClientHttpRequest> replay() {
		return (outputMessage, context) -> {
			byte[] bytes = this.recorded;
			if (bytes == null || bytes == EMPTY) {
				return outputMessage.setComplete();
			}
			HttpHeaders headers = outputMessage.getHeaders();
			if (this.contentType != null) {
				headers.setContentType(this.contentType);
			}
			headers.setContentLength(bytes.length);
			return outputMessage.writeWith(Mono.fromSupplier(() -> outputMessage.bufferFactory().wrap(bytes)));
		};
	}

	@Override
	public Mono<Void> insert(ClientHttpRequest outputMessage, Context context) {
		return this.delegate.insert(new ClientHttpRequestDecorator(outputMessage) {

			@Override
			public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
				if (!(body instanceof Mono<? extends DataBuffer> single)) {
					RecordingBodyInserter.this.recorded = null;
					return super.writeWith(body);
				}
				RecordingBodyInserter.this.contentType = getHeaders().getContentType();
				return super.writeWith(single.doOnNext(RecordingBodyInserter.this::record));
			}

			@Override
			public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
				RecordingBodyInserter.this.recorded = null;
				return super.writeAndFlushWith(body);
			}

			@Override
			public Mono<Void> setComplete() {
				RecordingBodyInserter.this.recorded = EMPTY;
				return super.setComplete();
			}

		}, context);
	}

	private void record(DataBuffer buffer) {
		int length = buffer.readableByteCount();
		if (length > MAX_REPLAY_BYTES) {
			this.recorded = null;
			return;
		}
		ByteBuffer copy = ByteBuffer.allocate(length);
		buffer.toByteBuffer(buffer.readPosition(), copy, 0, length);
		this.recorded = copy.array();
	}

}
