// npm run e2e [-- --tags '<tag expression>'] [playwright args]: every feature against the configured
// target under Playwright, then the Allure report. The run itself is scripts/lib/pipeline.ts.
import { runSuiteAndExit, takeTags } from './lib/pipeline.ts';

const { tags, args } = takeTags(process.argv.slice(2));
runSuiteAndExit({ runner: 'playwright', name: 'e2e', tags, args });
