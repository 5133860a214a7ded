/**
 * Reads back the table-stream records a Pipe dead letter points at. A Pipe with a DynamoDB stream
 * source does not put the failed records in its DLQ: the message carries their position
 * (`DDBStreamBatchInfo`: stream ARN, shard, first and last sequence number), and the records stay
 * readable in the stream for its retention (24 hours). The SDK is imported on first use.
 */
import type { DynamoDBStreamsClient, _Record } from '@aws-sdk/client-dynamodb-streams';

export interface StreamPosition {
  streamArn: string;
  shardId: string;
  startSequenceNumber: string;
  endSequenceNumber: string;
}

/** The records are no longer in the stream (trimmed after 24 h, or the shard is gone). */
export class StreamRecordsGone extends Error {
  override readonly name = 'StreamRecordsGone';
}

export interface StreamRecordReader {
  /** The records of one shard from the first to the last sequence number, both included. */
  read(position: StreamPosition): Promise<_Record[]>;
}

export interface DynamoStreamRecordReaderOptions {
  /** The table's stream: a position on any other stream is refused. */
  streamArn: string;
  region?: string;
  /** A ready client (tests, the local endpoint); otherwise one is created on first use. */
  client?: DynamoDBStreamsClient;
  /** GetRecords calls per read, at most (a range spans a handful of records). */
  maxPolls?: number;
}

export class DynamoStreamRecordReader implements StreamRecordReader {
  private sdk?: Promise<{ streams: typeof import('@aws-sdk/client-dynamodb-streams'); client: DynamoDBStreamsClient }>;

  constructor(private readonly opts: DynamoStreamRecordReaderOptions) {}

  private load() {
    return (this.sdk ??= import('@aws-sdk/client-dynamodb-streams').then((streams) => ({
      streams,
      client: this.opts.client ?? new streams.DynamoDBStreamsClient({ region: this.opts.region }),
    })));
  }

  async read(position: StreamPosition): Promise<_Record[]> {
    if (position.streamArn !== this.opts.streamArn) throw new StreamRecordsGone(`the position is on another stream (${position.streamArn})`);
    const { streams, client } = await this.load();
    const last = BigInt(position.endSequenceNumber);
    const out: _Record[] = [];
    try {
      let iterator = (
        await client.send(
          new streams.GetShardIteratorCommand({
            StreamArn: position.streamArn,
            ShardId: position.shardId,
            ShardIteratorType: 'AT_SEQUENCE_NUMBER',
            SequenceNumber: position.startSequenceNumber,
          }),
        )
      ).ShardIterator;
      for (let poll = 0; iterator && poll < (this.opts.maxPolls ?? 10); poll++) {
        const res = await client.send(new streams.GetRecordsCommand({ ShardIterator: iterator, Limit: 100 }));
        for (const record of res.Records ?? []) {
          const seq = record.dynamodb?.SequenceNumber;
          if (!seq || BigInt(seq) > last) return out;
          out.push(record);
        }
        if (out.length && BigInt(out[out.length - 1]!.dynamodb!.SequenceNumber!) >= last) return out;
        iterator = res.NextShardIterator;
      }
      return out;
    } catch (err) {
      if (err instanceof streams.TrimmedDataAccessException || err instanceof streams.ResourceNotFoundException || err instanceof streams.ExpiredIteratorException) {
        throw new StreamRecordsGone(`${err.name}: ${err.message}`);
      }
      throw err;
    }
  }
}
