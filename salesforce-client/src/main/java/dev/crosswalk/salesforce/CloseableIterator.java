package dev.crosswalk.salesforce;

import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * An iterator over a streamed result that holds an open HTTP response: close it when stopping
 * early (try-with-resources). Closing an exhausted iterator is a no-op.
 */
public interface CloseableIterator<T> extends Iterator<T>, AutoCloseable {

    @Override
    void close();

    /** A sequential stream over the remaining elements; closing the stream closes this iterator. */
    default Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(this::close);
    }
}
