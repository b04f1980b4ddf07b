// Descriptive error patterns ("nsg.*block") match like the regex they are written as, and in time
// linear in the text however it repeats their words.
import { matchErrorPattern } from '../../src/knowledge/error-pattern';
import { getKnowledge } from '../../src/knowledge';

const regexes = getKnowledge().errors.flatMap((e) =>
  e.patterns.flatMap((p) => ('regex' in p ? [p.regex] : [])),
);

/** What people paste: real messages, near misses, and the words in the wrong order or lines. */
const texts = [
  'the mount failed with a timeout on the file share',
  'Mounting /mnt/batch failed: connection timed out',
  'fail to mount',
  'smb share unreachable from the cluster',
  'ports 443 and 445 to storage',
  '445 then 443',
  'Image build failed on the compute',
  'could not build the docker image',
  'denied by the private endpoint',
  'The required inbound rule is missing',
  'nsg blocks port 44224',
  'The specified subnet has a Network Security Group that does not allow inbound on port 44224',
  "our nsg doesn't allow inbound traffic",
  'the nsg does not allow outbound',
  'network security group\ndeny all',
  'AuthorizationFailed on Microsoft.Network/virtualNetworks',
  'The client does not have authorization to perform action Microsoft.Network/x',
  'vs code failed to connect to the compute instance',
  'visual studio code: unable to download the server',
  'cannot connect with vscode',
  'the compute is stuck in creating for hours',
  'resizing never ends',
  'api.azureml.ms could not resolve',
  'pulling the image failed: unauthorized',
  'mcr.microsoft.com connection refused',
  'kernel keeps disconnecting',
  'websocket closed',
  'remote extension host terminated',
  'policies deny a public ip',
  'aci deployment in a vnet',
  'ImageBuildFailure: the container registry is behind a vnet',
];

describe('a descriptive error pattern', () => {
  it.each(regexes)('%s matches exactly the texts the regex matches', (regex) => {
    for (const text of texts) {
      expect([text, matchErrorPattern(regex, text) > 0]).toEqual([
        text,
        new RegExp(regex, 'i').test(text),
      ]);
    }
  });

  it.each([
    ['nsg.*(block|deny)', 'my nsg will block it and deny it', 'nsg will block it and deny'.length],
    ['\\b443\\b.*\\b445\\b', 'open 443, 445 and 445', '443, 445 and 445'.length],
    ['image build.*(fail|error)', 'no image here', 0],
  ])('%s in "%s" is as long as the greedy regex match', (regex, text, length) => {
    expect(matchErrorPattern(regex, text)).toBe(length);
    expect(new RegExp(regex, 'i').exec(text)?.[0].length ?? 0).toBe(length);
  });
});
