/** Tandem's default practice framework, written by us; each organization can edit its copy. */
export const DEFAULT_PRACTICES: Array<{ category: string; name: string; description: string }> = [
  { category: 'Relationships and climate', name: 'Warm, responsive interactions', description: 'Greeting each child, noticing feelings out loud, and answering bids for attention quickly and kindly.' },
  { category: 'Relationships and climate', name: 'Predictable routines', description: 'A visible daily schedule, rehearsed transitions and warnings before changes, so children know what comes next.' },
  { category: 'Relationships and climate', name: 'Clear, positively stated expectations', description: 'A few expectations taught, modelled and referred to often, phrased as what to do rather than what not to do.' },
  { category: 'Engagement and learning', name: 'Specific, descriptive acknowledgement', description: 'Naming exactly what a child did well, for effort and strategy, more often than correcting.' },
  { category: 'Engagement and learning', name: 'Open-ended questions', description: 'Questions with many possible answers that invite children to explain, predict and compare.' },
  { category: 'Engagement and learning', name: 'Wait time and turn-taking', description: 'Pausing after a question so more children can think and answer; spreading turns across the group.' },
  { category: 'Engagement and learning', name: 'Small-group and individual instruction', description: 'Planning groups from what children show they know, with activities matched to each group.' },
  { category: 'Language and literacy', name: 'Rich conversation and vocabulary', description: 'Extending what children say, introducing new words in context and revisiting them.' },
  { category: 'Language and literacy', name: 'Interactive book reading', description: 'Reading with pauses for prediction, connection and retelling, and inviting children to lead parts.' },
  { category: 'Social and emotional learning', name: 'Teaching friendship and problem-solving skills', description: 'Planned lessons and in-the-moment coaching on sharing, asking to play and solving conflicts.' },
  { category: 'Social and emotional learning', name: 'Supporting children through strong emotions', description: 'Naming emotions, offering calming strategies and following up once the child is calm.' },
  { category: 'Families', name: 'Partnering with families', description: 'Two-way communication about a child\'s strengths and goals, in the family\'s preferred language and format.' },
];
