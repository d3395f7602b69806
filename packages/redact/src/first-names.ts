/**
 * Common given names (US SSA top names across decades, plus frequent Hispanic, African-American,
 * South and East Asian, Arabic, European and African names). Used only to accept a name after a
 * weak cue (`patient Maria`, `I'm Sarah`), where a capitalised word alone would be too risky.
 */
const NAMES = `
aaliyah aaron abby abdul abdullah abel abigail abraham ada adam addison adele adrian adriana ahmad ahmed aiden aisha
akash alan albert alberto alejandra alejandro alex alexa alexander alexandra alexis alfred ali alice alicia alina alisha
allison alma alvin amanda amani amber amelia amir amit amy ana andre andrea andres andrew angel angela angelica angie
anil anita ann anna anne annie anthony antonio anya april arjun armando arnold arthur arturo asha ashley aubrey audrey
austin ava avery ayesha barbara beatriz becky ben benjamin bernard beth betty beverly bianca bill billy blake bob bobby
bonnie brad bradley brandon brenda brian brianna bridget brittany brooke bruce bryan caleb cameron camila carl carla
carlos carmen carol caroline carolyn carrie carter casey catherine cathy cecilia chad charles charlie charlotte chelsea
cheryl chinedu chloe chris christian christina christine christopher chuck cindy claire clara claudia clayton colin
connor craig crystal cynthia daisy dakota dale damian dan dana daniel daniela danielle danny darius darnell darren
dave david dawn dean deborah debra deepak deja denise dennis derek desmond destiny devon diana diane diego dmitri
dolores dominic don donald donna doris dorothy douglas duc dylan ebony eddie edgar eduardo edward eileen elaine elena
eli elijah elizabeth ella ellen ellie emily emma emmanuel enrique eric erica erin ernest esperanza esther ethan eugene
eva evan evelyn fatima felicia felix fernando fiona frances francis francisco frank gabriel gabriela gabriella gary
gavin gene george gerald gina giovanni gloria grace greg gregory guadalupe hailey haley hamza hannah harold harper
harry hassan hazel heather hector heidi helen henry hiroshi holly hope hugo hunter ian imani imran irene iris isaac
isabel isabella isaiah ivan jack jackie jackson jacob jacqueline jada jake james jamal jamie jan jane janet janice
jared jasmine jason javier jay jayden jean jeff jeffrey jenna jennifer jenny jeremiah jeremy jerome jerry jesse jessica
jesus jill jim jimmy jin joan joanna joe joel john johnny jon jonathan jordan jorge jose joseph josephine joshua joy
joyce juan juanita judith judy julia julian julie justin kaitlyn kamal karen karim karina kate katherine kathleen
kathryn kathy katie kayla keisha keith kelly ken kendra kenneth kevin khadija kiara kim kimberly kofi kristen kumar
kwame kyle lakshmi lamar lana larry latisha latoya laura lauren lawrence leah lee leila leo leon leonard leslie liam
lillian lily linda lindsay lisa liz logan lois lori lorraine louis lucas lucia lucy luis luke lydia lynn madison maggie
malik mandy manuel marcus margaret maria mariah marie marilyn mario marisol mark marlene martha martin marvin mary mason
matt matthew maureen maya megan mei melanie melissa mia michael michelle miguel mike mila miles mohamed mohammed molly
monica morgan muhammad mustafa nadia nancy naomi natalie natasha nathan neha nia nicholas nicole nina noah nora norma
oliver olivia omar oscar owen pablo pamela patricia patrick paul paula pedro peggy penny peter phillip phyllis pooja
priya rachel rafael rahul raj rajesh ralph ramon randy raquel ravi ray raymond rebecca regina renee ricardo richard
rick ricky rita rob robert roberto robin rochelle rodney roger ronald rosa rose rosie roy ruby russell ruth ryan sabrina
sadie sally salma sam samantha samir samuel sandra sanjay santiago sara sarah scott sean sergio shana shannon sharon
shawn sheila shirley sierra silvia simon sofia sonia sophia sophie stacy stanley stella stephanie stephen steve steven
sue sunita susan suzanne sydney tamara tammy tanya tara taylor teresa terrance terry thomas tiffany tim timothy tina
todd tom tommy tony tracy travis trevor tyler tyrone valentina valerie vanessa vera veronica vicki victor victoria
vikram vincent violet virginia vivian walter wanda wayne wei wendy william willie xavier yasmin yolanda yusuf yvonne
zach zachary zainab zara zoe zoë josé maría jesús andrés sofía lucía nguyen minh linh hoa huong
`

export const FIRST_NAMES: ReadonlySet<string> = new Set(NAMES.split(/\s+/).filter((n) => n.length > 0))
