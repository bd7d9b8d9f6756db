// npm run cucumber [-- -p smoke] [--tags '<tag expression>'] [cucumber-js args]: the same features and
// steps under cucumber-js with a profile from cucumber.json, then the same Allure report as npm run e2e.
// The run itself (mock server, redaction, report, exit code) is scripts/lib/pipeline.ts.
import { runSuiteAndExit, takeTags } from './lib/pipeline.ts';

const { tags, args } = takeTags(process.argv.slice(2));
runSuiteAndExit({ runner: 'cucumber', name: 'cucumber', tags, args });
